package org.statelessmcp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.statelessmcp.skills.Skill;
import org.statelessmcp.skills.SkillAssembly;
import org.statelessmcp.skills.SkillCatalog;
import org.statelessmcp.skills.SkillScanner;

/**
 * Finds, validates and measures the deployment's skills once, when the MCP server is built at deployment; any
 * invalid skill fails the deployment with every problem named, as an invalid tool does.
 */
@ApplicationScoped
public class SkillDeployment {

    private static final Logger LOG = Logger.getLogger(SkillDeployment.class.getName());

    @Produces
    @Singleton
    SkillCatalog skills(ServletContext context) {
        SkillAssembly.Result result = SkillAssembly.assemble(new SkillScanner(context).scan());
        List<String> problems = result.problems();
        if (!problems.isEmpty()) {
            throw new DeploymentException(problems.size() + " invalid skill definition(s):\n"
                    + String.join("\n", problems));
        }
        SkillCatalog catalog = result.catalog();
        if (!catalog.isEmpty()) {
            LOG.info(catalog.skills().size() + " skill(s) served: " + catalog.skills().stream()
                    .map(skill -> skill.uri() + " (" + skill.files().size() + " files, from " + skill.source() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return catalog;
    }
}
