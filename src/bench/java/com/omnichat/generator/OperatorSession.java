package com.omnichat.generator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in operator's browser tab without a browser: signs in through the login form and
 * opens a page the way Vaadin's client does (the page, then the {@code v-r=init} request
 * that makes the server create the UI and navigate). The server-side state is the real one:
 * session, UI, views and their service calls.
 */
final class OperatorSession implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER =
            Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    private final String baseUrl;
    private final HttpClient http;
    private String csrfToken;
    private String csrfParameter = "_csrf";

    OperatorSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs in through the login form (CSRF token from the login page). */
    void signIn(String login, String password) throws IOException, InterruptedException {
        rememberCsrf(get("/login").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", login);
        form.put("password", password);
        HttpResponse<String> response = postForm("/login", form);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
            throw new IllegalStateException(
                    "Sign-in as " + login + " failed: " + response.statusCode() + " -> " + location);
        }
    }

    /**
     * Opens a route (e.g. {@code chats/42}) in a new UI as the browser does: the page, the UI's
     * init request, then the client router's navigation event. Returns the navigation response.
     */
    String open(String route) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/" + route);
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET /" + route + " answered " + page.statusCode());
        }
        rememberCsrf(page.body());
        String init = "/?v-r=init&location=" + enc(route) + "&query="
                + "&v-sh=1080&v-sw=1920&v-wh=1000&v-ww=1920&v-bh=1000&v-bw=1920"
                + "&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux"
                + "&v-cs=&v-pv=visible&v-tn=lumo&v-ws=false";
        String config = expectJson(get(init), "UI init for " + route);
        Matcher key = SECURITY_KEY.matcher(config);
        Matcher ui = UI_ID.matcher(config);
        if (!key.find() || !ui.find()) {
            throw new IllegalStateException("No UI id or security key in the init response for " + route);
        }
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",\
                "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""".formatted(key.group(1), route);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/?v-r=uidl&v-uiId=" + ui.group(1)))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return expectJson(response, "Navigation to " + route);
    }

    private static String expectJson(HttpResponse<String> response, String what) {
        String body = response.body();
        if (response.statusCode() != 200 || !body.startsWith("{")) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        return body;
    }

    /** Signs out (the session ends on the server, its UIs detach). */
    void signOut() throws IOException, InterruptedException {
        HttpResponse<String> response = postForm("/logout", new LinkedHashMap<>());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("Sign-out answered " + response.statusCode());
        }
    }

    private void rememberCsrf(String page) {
        Matcher token = CSRF.matcher(page);
        Matcher parameter = CSRF_PARAMETER.matcher(page);
        if (token.find()) {
            csrfToken = token.group(1);
            csrfParameter = parameter.find() ? parameter.group(1) : "_csrf";
        }
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form)
            throws IOException, InterruptedException {
        if (csrfToken != null) {
            form.put(csrfParameter, csrfToken);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
