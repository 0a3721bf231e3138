package com.omnichat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The race behind the sign-in that used to land on the login form again: the login page's
 * service worker precaches the manifest, the offline page and the icons with the cookie of
 * the login page; a request of it arriving after signing in changed the session id must not
 * create a new session (whose cookie would replace the signed-in one). Played over plain HTTP
 * in the order the browser sometimes produced it.
 */
class SignInRaceIT extends BrowserTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aServiceWorkerRequestWithTheLoginPagesCookieDoesNotSignTheUserOut() throws Exception {
        String loginPageSession = sessionCookie(get("/login", null)).orElseThrow();
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Cookie", loginPageSession)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=anna&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String signedIn = sessionCookie(signIn).orElseThrow();
        assertThat(signedIn).as("signing in changes the session id").isNotEqualTo(loginPageSession);

        for (String resource :
                new String[] {"/manifest.webmanifest", "/offline-stub.html", "/offline.html", "/icons/icon-144x144.png"
                }) {
            HttpResponse<String> late = get(resource, loginPageSession);
            assertThat(sessionCookie(late))
                    .as("%s with the old cookie (%d) sets no new session", resource, late.statusCode())
                    .isEmpty();
        }

        HttpResponse<String> chats = get("/chats", signedIn);
        assertThat(chats.statusCode())
                .as("still signed in: the chats page, not a redirect to the login form")
                .isEqualTo(200);
        assertThat(get("/manifest.webmanifest", signedIn).statusCode())
                .as("the manifest for a valid session")
                .isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst();
    }
}
