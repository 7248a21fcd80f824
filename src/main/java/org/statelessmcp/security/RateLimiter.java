package org.statelessmcp.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.statelessmcp.api.Caller;
import org.statelessmcp.cluster.SharedStore;
import org.statelessmcp.cluster.SharedStoreDiscovery;
import org.statelessmcp.registry.Unproxied;

/**
 * Fair use: sliding-window limits per caller — the authenticated principal, else the client's address — on every
 * request to {@code /mcp} and {@code /tools}, with per-role overrides of the default and per-tool limits on top. The
 * windows live in the server's distributed cache when it has one, so a cluster enforces one limit, not one per
 * instance.
 * Every limited response carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset}; a refused one also {@code Retry-After}.
 */
@Unproxied
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    /**
     * What the limits decided.
     *
     * @param admitted whether the request may go on
     * @param limit the limit reported in the headers: the one refusing, else the one closest to refusing
     * @param scope {@code global} or {@code tool}
     * @param remaining requests left in that window
     * @param resetEpochSeconds when that window ends, in seconds since the epoch
     * @param retryAfterSeconds when refused, how long to wait
     */
    public record Verdict(boolean admitted, RateLimit limit, String scope, long remaining, long resetEpochSeconds,
                          long retryAfterSeconds) {
    }

    private final boolean enabled;
    private final RateLimit defaultLimit;
    private final Map<String, RateLimit> toolLimits;
    private final Map<String, RateLimit> roleLimits;
    private final ClientAddress addresses;
    private final WindowCounters counters;
    private final SecurityObserver observer;
    private final AtomicLong lastFailureLog = new AtomicLong();
    private final FinishedWindows finished = new FinishedWindows();

    @Inject
    public RateLimiter(SecurityConfig config, SecurityObserver observer, SharedStoreDiscovery cluster) {
        this(config, observer, config.rateLimitEnabled() ? counters(config.rateLimitMode(), cluster.store())
                : new LocalWindowCounters());
    }

    RateLimiter(SecurityConfig config, SecurityObserver observer, WindowCounters counters) {
        this.enabled = config.rateLimitEnabled();
        this.defaultLimit = RateLimit.parse(config.defaultRateLimit());
        this.toolLimits = limits(config.toolRateLimits().orElse(""), "smcp.rate-limit.tools");
        this.roleLimits = limits(config.roleRateLimits().orElse(""), "smcp.rate-limit.roles");
        this.addresses = ClientAddress.trusting(config.trustedProxies().orElse(""));
        this.counters = counters;
        this.observer = observer;
    }

    private static Map<String, RateLimit> limits(String text, String setting) {
        Map<String, RateLimit> limits = new LinkedHashMap<>();
        SettingLists.pairs(text, setting).forEach((name, limit) -> {
            try {
                limits.put(name, RateLimit.parse(limit));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + " for '" + name + "': " + e.getMessage());
            }
        });
        return Collections.unmodifiableMap(limits);
    }

    /**
     * The windows' store for {@code mode}: with the server's distributed cache, leased blocks of it (the default) or
     * one cache operation per request; without one, or in {@code local} mode, this instance's memory.
     */
    private static WindowCounters counters(SecurityConfig.RateLimitMode mode, Optional<SharedStore> cluster) {
        if (mode == SecurityConfig.RateLimitMode.LOCAL || cluster.isEmpty()) {
            return new LocalWindowCounters();
        }
        WindowCounters shared = SharedWindowCounters.in(cluster.get());
        return mode == SecurityConfig.RateLimitMode.LEASED ? new LeasedWindowCounters(shared) : shared;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The tools with limits of their own, for the startup check against the registry. */
    public Map<String, RateLimit> toolLimits() {
        return toolLimits;
    }

    /** The roles with limits of their own. */
    public java.util.Set<String> roleNames() {
        return roleLimits.keySet();
    }

    /** One line for the startup log. */
    public String describe() {
        return "Rate limits: " + defaultLimit + " per caller" + (roleLimits.isEmpty() ? "" : ", by role " + roleLimits)
                + (toolLimits.isEmpty() ? "" : ", by tool " + toolLimits) + "; windows kept " + counters.describe()
                + (addresses.trustsAny() ? "; X-Forwarded-For believed from the trusted proxies" : "");
    }

    /**
     * Counts a request against its caller's windows and writes the rate-limit headers.
     *
     * @param tools the tools the request calls (one entry per call)
     * @param cost how many requests it is: a batch counts each of its messages
     */
    public Verdict admit(HttpServletRequest request, Caller caller, List<String> tools, int cost,
                         HttpServletResponse response) {
        if (!enabled) {
            return null;
        }
        String identity = caller.name().isEmpty()
                ? "addr:" + addresses.resolve(request.getRemoteAddr(),
                        Collections.list(request.getHeaders("X-Forwarded-For")))
                : "user:" + caller.name();
        long now = System.currentTimeMillis();
        Verdict closest = null;
        for (String tool : tools) {
            RateLimit limit = toolLimits.get(tool);
            if (limit != null) {
                Verdict verdict = count(limit, "tool", "tool:" + tool + '|' + identity, 1, now);
                if (!verdict.admitted()) {
                    return refuse(verdict, response);
                }
                closest = closer(closest, verdict);
            }
        }
        Verdict global = count(limitFor(caller), "global", "*|" + identity, Math.max(cost, 1), now);
        if (!global.admitted()) {
            return refuse(global, response);
        }
        Verdict reported = closer(closest, global);
        headers(reported, response);
        return reported;
    }

    /** The most generous limit among the caller's roles' limits, else the default. */
    private RateLimit limitFor(Caller caller) {
        RateLimit chosen = null;
        for (Map.Entry<String, RateLimit> role : roleLimits.entrySet()) {
            if (caller != Caller.ANONYMOUS && caller.hasRole(role.getKey())
                    && (chosen == null || rate(role.getValue()) > rate(chosen))) {
                chosen = role.getValue();
            }
        }
        return chosen != null ? chosen : defaultLimit;
    }

    private static double rate(RateLimit limit) {
        return (double) limit.count() / limit.period().millis();
    }

    private Verdict count(RateLimit limit, String scope, String subject, long cost, long now) {
        long period = limit.period().millis();
        long start = SlidingWindow.windowStart(now, period);
        String currentKey = start + "|" + subject;
        long reset = (start + period + 999) / 1000;
        try {
            long previous = finished.previous(limit.period(), start, (start - period) + "|" + subject,
                    key -> counters.get(key, limit.period()));
            long before = counters.addUpTo(currentKey, limit.period(), cost,
                    SlidingWindow.ceiling(previous, limit.count(), now, period));
            long current = before >= 0 ? before : -1 - before;
            SlidingWindow.Decision decision = SlidingWindow.decide(previous, current, cost, limit.count(), now, period);
            if (before < 0) {
                // the same ceiling refused it, so the decision is a refusal with its retry time
                return new Verdict(false, limit, scope, 0, reset, (decision.retryAfterMillis() + 999) / 1000);
            }
            return new Verdict(true, limit, scope, decision.remaining(), reset, 0);
        } catch (WindowCounters.Contended contended) {
            LOG.fine(() -> "rate window " + scope + " contended: request admitted uncounted");
        } catch (RuntimeException unavailable) {
            // fair use must not take the service down with the cache: admit, and say so now and then
            long last = lastFailureLog.get();
            if (now - last > 60_000 && lastFailureLog.compareAndSet(last, now)) {
                LOG.log(Level.WARNING, "rate-limit windows unavailable: requests are admitted uncounted", unavailable);
            }
        }
        return new Verdict(true, limit, scope, limit.count(), reset, 0);
    }

    private static Verdict closer(Verdict a, Verdict b) {
        return a == null || b.remaining() < a.remaining() ? b : a;
    }

    private Verdict refuse(Verdict verdict, HttpServletResponse response) {
        observer.rateLimited(verdict.scope());
        headers(verdict, response);
        response.setHeader("Retry-After", Long.toString(Math.max(1, verdict.retryAfterSeconds())));
        return verdict;
    }

    private static void headers(Verdict verdict, HttpServletResponse response) {
        response.setHeader("X-RateLimit-Limit", Long.toString(verdict.limit().count()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(verdict.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(verdict.resetEpochSeconds()));
    }

    /** The window start a counter key begins with. */
    static long windowOf(String key) {
        int bar = key.indexOf('|');
        try {
            return Long.parseLong(key.substring(0, bar));
        } catch (RuntimeException malformed) {
            return Long.MIN_VALUE;
        }
    }
}
