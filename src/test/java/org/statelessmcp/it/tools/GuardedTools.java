package org.statelessmcp.it.tools;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import org.statelessmcp.api.Tool;

/** Tools restricted by {@code @RolesAllowed}: on a method, on the class, and opened again by {@code @PermitAll}. */
@ApplicationScoped
@RolesAllowed("auditor")
public class GuardedTools {

    @Tool(name = "audit", description = "Reads the audit trail; auditors only")
    public String audit() {
        return "audited";
    }

    @RolesAllowed({"admin", "ops"})
    @Tool(name = "purge", description = "Purges caches; admins or ops")
    public String purge() {
        return "purged";
    }

    @PermitAll
    @Tool(name = "status", description = "Open to every caller")
    public String status() {
        return "fine";
    }

    @Tool(name = "reopened", description = "Restricted here, opened by the operator's configuration")
    public String reopened() {
        return "open";
    }
}
