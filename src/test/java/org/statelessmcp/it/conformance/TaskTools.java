package org.statelessmcp.it.conformance;

import static org.statelessmcp.it.conformance.Forms.content;
import static org.statelessmcp.it.conformance.Forms.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Map;
import org.statelessmcp.api.ClientInput;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.TaskHandoff;
import org.statelessmcp.api.TaskSupport;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolCallException;

/**
 * The task-supporting tools the conformance suite's tasks scenarios (SEP-2663) call, as a tool author writes them:
 * public API only. The suite also calls a sync-only {@code greet}: {@link Greeting}.
 */
@ApplicationScoped
public class TaskTools {

    @Tool(name = "slow_compute", taskSupport = TaskSupport.OPTIONAL, timeout = 120,
            description = "Sleeps `seconds` seconds, then answers.")
    public String slowCompute(@ToolArg(description = "How long to work") int seconds,
                              @ToolArg(description = "A label for the result", required = false) String label)
            throws InterruptedException {
        Thread.sleep(seconds * 1000L);
        return "computed " + (label == null ? "" : label) + " in " + seconds + " s";
    }

    @Tool(name = "failing_job", taskSupport = TaskSupport.REQUIRED, description = "Fails after a second.")
    public String failingJob() throws InterruptedException {
        Thread.sleep(1000);
        throw new ToolCallException("the job failed, as it always does");
    }

    @Tool(name = "protocol_error_job", taskSupport = TaskSupport.OPTIONAL,
            description = "Crashes: the server fails the task.")
    public String protocolErrorJob() {
        throw new IllegalStateException("a bug in the tool");
    }

    @Tool(name = "confirm_delete", taskSupport = TaskSupport.OPTIONAL, timeout = 60,
            description = "Asks the user to confirm, then deletes (pretends to).")
    public String confirmDelete(@ToolArg(description = "The file to delete") String filename, ClientInput input) {
        JsonObject answer = input.request(InputRequest.elicit("confirm", "Delete " + filename + "?",
                schema("confirm", "boolean")));
        return content(answer).getBoolean("confirm", false) ? "deleted " + filename : "kept " + filename;
    }

    @Tool(name = "multi_input", taskSupport = TaskSupport.OPTIONAL, timeout = 60,
            description = "Asks two questions at once.")
    public String multiInput(ClientInput input) {
        Map<String, JsonObject> answers = input.requestAll(
                InputRequest.elicit("first", "First name?", schema("name", "string")),
                InputRequest.elicit("second", "Second name?", schema("name", "string")));
        return content(answers.get("first")).getString("name", "?") + " and "
                + content(answers.get("second")).getString("name", "?");
    }

    @Tool(name = "test_tool_with_task", taskSupport = TaskSupport.REQUIRED, timeout = 60,
            description = "Asks the user's name in the request's own rounds, then goes on as a task.")
    public String withTask(ClientInput input, TaskHandoff handoff) throws InterruptedException {
        String name = content(input.request(InputRequest.elicit("user_name", "What is your name?",
                schema("name", "string")))).getString("name", "?");
        handoff.handOff();
        Thread.sleep(500);
        return "Hello, " + name + ", from a task";
    }

    @Tool(name = "how_it_ran", taskSupport = TaskSupport.OPTIONAL, description = "Says whether it ran as a task.")
    public String howItRan(TaskHandoff handoff) throws InterruptedException {
        boolean task = handoff.handOff();
        Thread.sleep(1000);
        return task ? "ran as a task" : "ran directly";
    }
}
