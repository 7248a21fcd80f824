package org.statelessmcp.it;

import java.io.File;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.statelessmcp.it.tools.ProbeState;
import org.statelessmcp.it.tools.ProbeTools;

/** The WAR the build produced, as users deploy it, plus the probe tools the tests need. */
final class Deployments {

    static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private Deployments() {
    }

    /** The real WAR from {@code target/} with the probe tools added. */
    static WebArchive withProbes() {
        return productWar().addClasses(ProbeTools.class, ProbeState.class, ProbeTools.Order.class,
                ProbeTools.Line.class, ProbeTools.Color.class, ProbeTools.Counts.class);
    }

    /** The real WAR, untouched. */
    static WebArchive productWar() {
        String path = System.getProperty("smcp.war", "target/stateless-mcp.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }

    /** Overrides settings in the WAR's own {@code microprofile-config.properties}. */
    static WebArchive withSettings(WebArchive war, Properties settings) {
        Properties merged = new Properties();
        try (var in = war.get(CONFIG).getAsset().openStream()) {
            merged.load(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        merged.putAll(settings);
        StringBuilder text = new StringBuilder();
        merged.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        war.delete(CONFIG);
        return war.add(new StringAsset(text.toString()), CONFIG);
    }
}
