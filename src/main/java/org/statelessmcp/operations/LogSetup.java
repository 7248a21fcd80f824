package org.statelessmcp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies {@code smcp.log.format} and {@code smcp.log.level} to the server's own java.util.logging handlers while
 * the application runs, and undoes it all when the application stops, leaving no class of this WAR behind.
 * {@code json} selects the server's JSON formatter (Payara's {@code JSONLogFormatter}: one JSON object per line);
 * every format gets the request id and tool of the request a line was written for, and masked secrets.
 */
@ApplicationScoped
public class LogSetup {

    static final String PAYARA_JSON_FORMATTER = "fish.payara.enterprise.server.logging.JSONLogFormatter";
    private static final Logger LOG = Logger.getLogger(LogSetup.class.getName());

    /** What was done to a handler: the formatter and level it had are kept only when they were replaced. */
    private record Installed(Handler handler, RequestLogFilter filter, Formatter formatter, Level level) {
    }

    private final String format;
    private final Optional<String> level;
    private final Masking masking;
    private final List<Installed> installed = new ArrayList<>();
    private Level ownLevel;
    /**
     * Where what a tool throws is logged, causes and their secrets included. Held here: java.util.logging keeps only
     * weak references to loggers, and a collected one would lose its filter.
     */
    private final Logger toolLogger = Logger.getLogger("org.statelessmcp.tools");
    private RequestLogFilter toolFilter;

    /** For the CDI client proxy only. */
    protected LogSetup() {
        this("console", Optional.empty(), "", "X-API-Key");
    }

    @Inject
    public LogSetup(@ConfigProperty(name = "smcp.log.format") String format,
                    @ConfigProperty(name = "smcp.log.level") Optional<String> level,
                    @ConfigProperty(name = "smcp.log.mask-keys") String maskKeys,
                    @ConfigProperty(name = "smcp.auth.header-name") String apiKeyHeader) {
        this.format = format.strip().toLowerCase(Locale.ROOT);
        this.level = level.filter(name -> !name.isBlank());
        // the API key's header is a secret whatever it is called
        this.masking = new Masking(java.util.stream.Stream.concat(Arrays.stream(maskKeys.split(",")),
                java.util.stream.Stream.of(apiKeyHeader)).map(String::strip).toList());
    }

    @Produces
    @Singleton
    Masking masking() {
        return masking;
    }

    synchronized void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        boolean json = "json".equals(format);
        if (!json && !"console".equals(format)) {
            LOG.warning("smcp.log.format must be json or console, not '" + format + "': using console");
        }
        Level wanted = level.map(LogSetup::parse).orElse(null);
        Logger own = Logger.getLogger("org.statelessmcp");
        ownLevel = own.getLevel();
        if (wanted != null) {
            own.setLevel(wanted);
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Formatter jsonFormatter = json ? jsonFormatter(handler) : null;
            if (json && jsonFormatter == null) {
                LOG.warning(
                        "smcp.log.format=json needs the server's JSON log formatter, which this server does not have"
                                + " for " + handler.getClass().getName()
                                + ": configure JSON logging in the server itself");
            }
            RequestLogFilter filter = new RequestLogFilter(handler.getFilter(), masking, jsonFormatter != null);
            Formatter replacedFormatter = null;
            Level replacedLevel = null;
            handler.setFilter(filter);
            if (jsonFormatter != null) {
                replacedFormatter = handler.getFormatter();
                handler.setFormatter(jsonFormatter);
            }
            if (wanted != null && handler.getLevel() != null && wanted.intValue() < handler.getLevel().intValue()) {
                replacedLevel = handler.getLevel();
                handler.setLevel(wanted);
            }
            installed.add(new Installed(handler, filter, replacedFormatter, replacedLevel));
        }
        // Open Liberty's handlers ignore their filters: the tool logger's own filter masks and tags its records
        // before any handler sees them; on the other servers the handlers' filters find them done already
        boolean jsonTags = installed.stream().anyMatch(each -> each.formatter() != null);
        toolFilter = new RequestLogFilter(toolLogger.getFilter(), masking, jsonTags);
        toolLogger.setFilter(toolFilter);
    }

    synchronized void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        for (Installed each : installed) {
            if (each.handler().getFilter() == each.filter()) {
                each.handler().setFilter(each.filter().previous());
            }
            // Only what was replaced is put back. Handlers without a formatter of their own (WildFly's OpenTelemetry
            // handler, Open Liberty's, Payara Server's syslog handler) make Handler.setFormatter(null) throw: putting
            // back every handler's formatter failed there and left this WAR's filters on the server's handlers.
            if (each.formatter() != null) {
                each.handler().setFormatter(each.formatter());
            }
            if (each.level() != null) {
                each.handler().setLevel(each.level());
            }
        }
        installed.clear();
        if (toolFilter != null && toolLogger.getFilter() == toolFilter) {
            toolLogger.setFilter(toolFilter.previous());
        }
        toolFilter = null;
        Logger.getLogger("org.statelessmcp").setLevel(ownLevel);
    }

    /**
     * The server's JSON formatter, loaded where the handler's own formatter comes from (the server, which the
     * application's class loader may not see), or {@code null} when this server has none.
     */
    private static Formatter jsonFormatter(Handler handler) {
        for (ClassLoader loader : new ClassLoader[] {handler.getFormatter() == null ? null
                : handler.getFormatter().getClass().getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
            try {
                return (Formatter) Class.forName(PAYARA_JSON_FORMATTER, true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | ClassCastException notHere) {
                // try the next loader
            }
        }
        return null;
    }

    /** A java.util.logging level, also by the names other logging systems use (DEBUG, TRACE, WARN, ERROR). */
    static Level parse(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.parse(name.strip().toUpperCase(Locale.ROOT));
        };
    }
}
