package com.example.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

/** The service the Quarkus guide's first tool injects. */
@ApplicationScoped
public class FooService {

    public String ping(String name) {
        return "pong " + name;
    }
}
