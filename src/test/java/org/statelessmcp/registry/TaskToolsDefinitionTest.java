package org.statelessmcp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.TaskHandoff;
import org.statelessmcp.api.TaskSupport;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

/** What a tool's task support is, and which declarations of it the deployment refuses. */
class TaskToolsDefinitionTest {

    private final ToolFactory factory = new ToolFactory(30, 300, jakarta.json.bind.JsonbBuilder.create());

    public static class Tools {

        @Tool
        public String direct() {
            return "";
        }

        @Tool(taskSupport = TaskSupport.REQUIRED)
        public String report() {
            return "";
        }

        @Tool(taskSupport = TaskSupport.OPTIONAL)
        public String export(TaskHandoff handoff) {
            return "";
        }

        @Tool(taskSupport = TaskSupport.OPTIONAL, streaming = true)
        public String ticker(Emitter emitter) {
            return "";
        }

        @Tool
        public String handsOffWithoutTasks(TaskHandoff handoff) {
            return "";
        }
    }

    private ToolDescriptor describe(String name) {
        Method method = Arrays.stream(Tools.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        ToolArg[] args = Arrays.stream(method.getParameters()).map(p -> p.getAnnotation(ToolArg.class))
                .toArray(ToolArg[]::new);
        return factory.create(null, method, method.getAnnotation(Tool.class), args).descriptor();
    }

    @Test
    void aToolIsNeverATaskUnlessItSaysSo() {
        assertEquals(TaskSupport.FORBIDDEN, describe("direct").taskSupport());
        assertFalse(describe("direct").tasks());
        assertTrue(describe("report").tasks());
    }

    @Test
    void aTaskHandoffIsSuppliedByTheServerNotAnArgument() {
        ToolDescriptor export = describe("export");
        assertTrue(export.handsOff());
        assertEquals("{}", export.inputSchema().getJsonObject("properties").toString());
    }

    @Test
    void aStreamingToolCannotSupportTasks() {
        String problem = assertThrows(InvalidDefinitionException.class, () -> describe("ticker")).getMessage();
        assertTrue(problem.contains("Tools#ticker") && problem.contains("a streaming tool cannot run as a task"),
                problem);
    }

    @Test
    void aTaskHandoffNeedsTaskSupport() {
        String problem = assertThrows(InvalidDefinitionException.class, () -> describe("handsOffWithoutTasks"))
                .getMessage();
        assertTrue(problem.contains("declares a TaskHandoff but its taskSupport is FORBIDDEN"), problem);
    }
}
