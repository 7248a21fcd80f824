package org.statelessmcp.it.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

/** A tool that logs with its own logger, from the managed executor's thread, carelessly including a secret. */
@ApplicationScoped
public class LoggingTools {

    private static final Logger LOG = Logger.getLogger("com.example.chatty");

    @Tool(name = "chatty", streaming = true, description = "Logs what it was given, then answers")
    public String chatty(@ToolArg(description = "A secret it should not log") String password, Emitter emitter) {
        LOG.info("chatty works for the user with password=" + password);
        emitter.emit("done");
        return "ok";
    }
}
