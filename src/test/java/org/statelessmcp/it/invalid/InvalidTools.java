package org.statelessmcp.it.invalid;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.Resource;
import org.statelessmcp.api.Tool;

/** Tool methods the registry must refuse, all of them in one deployment. */
@ApplicationScoped
public class InvalidTools {

    @Tool(name = "twin")
    public String first() {
        return "first";
    }

    @Tool(name = "twin")
    public String second() {
        return "second";
    }

    @Tool
    public String dated(Date when) {
        return when.toString();
    }

    @Tool
    public String chatty(Emitter emitter) {
        return "not streaming";
    }

    @Resource(uri = "test://needs-nothing")
    public String resourceWithParameter(String id) {
        return id;
    }
}
