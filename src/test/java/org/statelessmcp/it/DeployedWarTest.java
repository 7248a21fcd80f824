package org.statelessmcp.it;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose {@code @Deployment} runs in a managed server (Payara Micro; WildFly under {@code -Pwildfly}),
 * reached over HTTP through {@link #client}.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedWarTest {

    @ArquillianResource
    URL base;

    WireClient client;

    @BeforeEach
    void connect() {
        client = new WireClient(base);
    }
}
