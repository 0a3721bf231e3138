package com.omnichat.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login form posted over plain HTTP, as a password-guessing script would, from a client
 * address of its own ({@code X-Forwarded-For}, trusted from a loopback proxy as behind the load
 * balancer).
 */
final class SignInForm {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER =
            Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private SignInForm() {}

    /** Posts the form to the node; true when the node signed the user in. */
    static boolean signIn(AppNode node, String clientAddress, String login, String password) {
        try (HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            String page = http.send(
                            request(node, "/login", clientAddress).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = CSRF.matcher(page);
            Matcher parameter = CSRF_PARAMETER.matcher(page);
            String form = "username=" + enc(login) + "&password=" + enc(password)
                    + (token.find()
                            ? "&" + (parameter.find() ? parameter.group(1) : "_csrf") + "=" + enc(token.group(1))
                            : "");
            HttpResponse<String> answer = http.send(
                    request(node, "/login", clientAddress)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            return answer.statusCode() == 302 && !location.contains("/login");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(AppNode node, String path, String clientAddress) {
        return HttpRequest.newBuilder(URI.create(node.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
