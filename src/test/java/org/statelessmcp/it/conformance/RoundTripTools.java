package org.statelessmcp.it.conformance;

import static org.statelessmcp.it.conformance.Forms.content;
import static org.statelessmcp.it.conformance.Forms.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Map;
import org.statelessmcp.api.ClientInput;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.Prompt;
import org.statelessmcp.api.PromptMessage;
import org.statelessmcp.api.Tool;

/**
 * The tools and the prompt the conformance suite calls for MCP 2026-07-28: multi round-trip requests, the
 * capability check, and requests whose stream must carry nothing but notifications. Public tool API only.
 */
@ApplicationScoped
public class RoundTripTools {

    @Tool(name = "test_input_required_result_elicitation", description = "Asks the user's name, then greets them.")
    public String elicitation(ClientInput input) {
        return "Hello, " + content(input.request(askName("user_name"))).getString("name", "?");
    }

    @Tool(name = "test_input_required_result_sampling", description = "Asks the client's model a question.")
    public String sampling(ClientInput input) {
        JsonObject answer = input.request(InputRequest.sample("capital_question",
                "What is the capital of France?", 50));
        return "The model said: " + answer.getJsonObject("content").getString("text", "");
    }

    @Tool(name = "test_input_required_result_list_roots", description = "Lists the client's roots.")
    public String listRoots(ClientInput input) {
        return "Roots: " + input.request(InputRequest.listRoots("client_roots")).get("roots");
    }

    @Tool(name = "test_input_required_result_request_state",
            description = "Asks for a confirmation; the answer travels back with the sealed request state.")
    public String requestState(ClientInput input) {
        return confirmed(input) ? "state-ok" : "not confirmed";
    }

    @Tool(name = "test_input_required_result_tampered_state",
            description = "Asks for a confirmation; a tampered request state is refused.")
    public String tamperedState(ClientInput input) {
        return confirmed(input) ? "state-ok" : "not confirmed";
    }

    @Tool(name = "test_input_required_result_multiple_inputs",
            description = "Asks for a name, a greeting and the roots in one round.")
    public String multipleInputs(ClientInput input) {
        Map<String, JsonObject> answers = input.requestAll(askName("user_name"),
                InputRequest.sample("greeting", "Say hello", 20), InputRequest.listRoots("client_roots"));
        return content(answers.get("user_name")).getString("name", "?") + " / "
                + answers.get("greeting").getJsonObject("content").getString("text", "") + " / "
                + answers.get("client_roots").get("roots");
    }

    @Tool(name = "test_input_required_result_multi_round", description = "Asks a name, then a colour: two rounds.")
    public String multiRound(ClientInput input) {
        String name = content(input.request(askName("name"))).getString("name", "?");
        String color = content(input.request(InputRequest.elicit("color", "Hello " + name + ", favourite colour?",
                schema("color", "string")))).getString("color", "?");
        return name + " likes " + color;
    }

    @Tool(name = "test_input_required_result_capabilities",
            description = "Asks only what the client declared it can answer.")
    public String capabilities(ClientInput input) {
        if (input.supports("elicitation")) {
            return "name: " + content(input.request(askName("user_name"))).getString("name", "?");
        }
        if (input.supports("sampling")) {
            return "model: " + input.request(InputRequest.sample("capital_question",
                    "What is the capital of France?", 50)).getJsonObject("content").getString("text", "");
        }
        return "nothing to ask";
    }

    @Tool(name = "test_missing_capability", description = "Needs the client's sampling capability.")
    public String missingCapability(ClientInput input) {
        return input.request(InputRequest.sample("question", "Say yes", 5)).getJsonObject("content")
                .getString("text", "");
    }

    @Tool(name = "test_streaming_elicitation", description = "Asks the user while a 2025 client streams.")
    public String streamingElicitation(ClientInput input) {
        return "Hello, " + content(input.request(askName("user_name"))).getString("name", "?");
    }

    @Tool(name = "test_logging_tool", streaming = true, description = "Logs three messages, at once.")
    public String loggingTool(Emitter emitter) {
        for (int i = 1; i <= 3; i++) {
            emitter.emit("log message " + i);
        }
        return "logged";
    }

    @Prompt(name = "test_input_required_result_prompt", description = "Asks the user for context, then renders it.")
    public PromptMessage prompt(ClientInput input) {
        String context = content(input.request(InputRequest.elicit("context", "Which context?",
                schema("context", "string")))).getString("context", "?");
        return PromptMessage.user("Use this context: " + context);
    }

    private static boolean confirmed(ClientInput input) {
        return content(input.request(InputRequest.elicit("confirm", "Confirm?", schema("ok", "boolean"))))
                .getBoolean("ok", false);
    }

    private static InputRequest askName(String key) {
        return InputRequest.elicit(key, "What is your name?", schema("name", "string"));
    }
}
