package org.statelessmcp.boot;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.statelessmcp.skills.Skill;
import org.statelessmcp.skills.SkillAssembly;
import org.statelessmcp.skills.SkillCatalog;
import org.statelessmcp.skills.SkillScanner;

/**
 * Finds, validates and measures the deployment's skills once, when the web module starts and before anything builds
 * the MCP server; any invalid skill fails the deployment with every problem named, as an invalid tool does. The
 * servlet context comes with the start event: Weld's injectable one works within requests only.
 */
@ApplicationScoped
public class SkillDeployment {

    /** The name the logger had before the class moved to {@code boot}: log settings and log readers select by it. */
    private static final Logger LOG = Logger.getLogger("org.statelessmcp.operations.SkillDeployment");

    private volatile SkillCatalog catalog;

    void scan(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
              ServletContext module) {
        SkillAssembly.Result result = SkillAssembly.assemble(new SkillScanner(module).scan());
        List<String> problems = result.problems();
        if (!problems.isEmpty()) {
            throw new DeploymentException(problems.size() + " invalid skill definition(s):\n"
                    + String.join("\n", problems));
        }
        SkillCatalog found = result.catalog();
        if (!found.isEmpty()) {
            LOG.info(found.skills().size() + " skill(s) served: " + found.skills().stream()
                    .map(skill -> skill.uri() + " (" + skill.files().size() + " files, from " + skill.source() + ")")
                    .collect(Collectors.joining(", ")));
        }
        catalog = found;
    }

    @Produces
    @Singleton
    SkillCatalog skills() {
        SkillCatalog found = catalog;
        if (found == null) {
            throw new IllegalStateException("the skills are found when the web module starts, before any use");
        }
        return found;
    }
}
