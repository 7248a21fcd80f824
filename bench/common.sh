# What the benchmark scripts share; sourced, never run. Each function uses the caller's $WORK.

# copy_with NAME SETTINGS [SOURCE]: $WORK/NAME.war, a copy of SOURCE (target/stateless-mcp.war by default) with
# SETTINGS (printf %b) appended to its microprofile-config.properties
copy_with() {
    rm -rf "${WORK:?}/$1" && mkdir -p "$WORK/$1" && cp "${3:-target/stateless-mcp.war}" "$WORK/$1.war"
    (cd "$WORK/$1" && unzip -q "../$1.war" WEB-INF/classes/META-INF/microprofile-config.properties \
        && printf '%b' "$2" >> WEB-INF/classes/META-INF/microprofile-config.properties \
        && zip -q "../$1.war" WEB-INF/classes/META-INF/microprofile-config.properties)
}

# bean_archive NAME SOURCE: $WORK/NAME.war, a copy of SOURCE made a CDI bean archive (a beans.xml discovering every
# class) and given an empty microprofile-config.properties for copy_with: the raw servlet as the container serves any
# CDI application, its request context opened and closed around every request
bean_archive() {
    rm -rf "${WORK:?}/$1" && mkdir -p "$WORK/$1/WEB-INF/classes/META-INF" && cp "$2" "$WORK/$1.war"
    printf '%s\n' '<beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>' \
        > "$WORK/$1/WEB-INF/beans.xml"
    : > "$WORK/$1/WEB-INF/classes/META-INF/microprofile-config.properties"
    (cd "$WORK/$1" && zip -q -r "../$1.war" WEB-INF)
}

# await_ready LOG: waits up to 120 s for Payara Micro to log that it is ready; fails the script otherwise
await_ready() {
    for _ in $(seq 1 120); do
        grep -q "ready in" "$1" && return
        sleep 1
    done
    echo "server did not start (see $1)" >&2
    exit 1
}

# post_lua BODY HEADERS: $WORK/post.lua, a wrk script POSTing BODY as JSON, accepting JSON and SSE, with the extra
# HEADERS (name=value,...)
post_lua() {
    {
        echo 'wrk.method = "POST"'
        echo 'wrk.headers["Content-Type"] = "application/json"'
        echo 'wrk.headers["Accept"] = "application/json, text/event-stream"'
        IFS=',' read -ra extra <<< "$2"
        for header in "${extra[@]}"; do
            [ -n "$header" ] && echo "wrk.headers[\"${header%%=*}\"] = \"${header#*=}\""
        done
        echo "wrk.body = '$1'"
    } > "$WORK/post.lua"
}
