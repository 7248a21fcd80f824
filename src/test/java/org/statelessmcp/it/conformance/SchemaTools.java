package org.statelessmcp.it.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.statelessmcp.api.Tool;

/**
 * A tool with a hand-written JSON Schema 2020-12 input schema ({@code contact.schema.json} beside this class), for
 * the conformance suite's {@code json-schema-2020-12} scenario. It answers what it received, so a test sees which
 * arguments reached it. Public tool API only.
 */
@ApplicationScoped
public class SchemaTools {

    @Tool(name = "json_schema_2020_12_tool", description = "Tool with JSON Schema 2020-12 features",
            inputSchema = "contact.schema.json")
    public String contact(String name, JsonObject address, String contactMethod, String phone, String email) {
        return "contact " + name + " at " + (address == null ? "no address" : address.getString("city", "?"))
                + " by " + contactMethod + ": phone " + phone + ", email " + email;
    }
}
