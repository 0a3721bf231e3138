package com.omnichat.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF rules every connector's download goes through: only the provider's hosts, only
 * public addresses (IPv4 and IPv6 in all their disguises), redirects followed by hand and
 * checked hop by hop.
 */
class MediaFetcherTest {

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.7",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.10",
                "100.64.0.1",
                "127.0.0.1",
                "127.10.0.1",
                "169.254.169.254",
                "0.0.0.0",
                "224.0.0.251",
                "255.255.255.255",
                "::1",
                "::",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "64:ff9b::a00:1",
                "2002:a00:1::1",
                "::10.0.0.1"
            })
    void privateLoopbackLinkLocalUniqueLocalAndMulticastAddressesAreRefused(String ip) throws Exception {
        assertThat(PublicAddresses.refusal(InetAddress.getByName(ip), false))
                .as(ip)
                .isNotNull();
    }

    @Test
    void anIpv4MappedAddressIsRefusedAlsoWhenKeptInItsIpv6Form() throws Exception {
        // The JDK turns "::ffff:127.0.0.1" into an IPv4 address; raw bytes from a resolver keep the IPv6 form.
        byte[] mapped = HexFormat.of().parseHex("00000000000000000000ffff7f000001");
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(PublicAddresses.refusal(address, false)).isEqualTo("loopback");
        assertThat(PublicAddresses.refusal(InetAddress.getByName("::ffff:127.0.0.1"), false))
                .isEqualTo("loopback");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "149.154.167.220",
                "172.32.0.1",
                "100.128.0.1",
                "2606:4700:4700::1111",
                "2a00:1450:4001::200e"
            })
    void publicAddressesAreAllowed(String ip) throws Exception {
        assertThat(PublicAddresses.refusal(InetAddress.getByName(ip), false))
                .as(ip)
                .isNull();
    }

    @Test
    void loopbackIsAllowedOnlyWhenAskedForAndPrivateNeverIs() throws Exception {
        assertThat(PublicAddresses.refusal(InetAddress.getByName("127.0.0.1"), true))
                .isNull();
        assertThat(PublicAddresses.refusal(InetAddress.getByName("::1"), true)).isNull();
        assertThat(PublicAddresses.refusal(InetAddress.getByName("10.0.0.1"), true))
                .isEqualTo("private");
        assertThat(PublicAddresses.refusal(InetAddress.getByName("169.254.169.254"), true))
                .isEqualTo("link-local");
    }

    @Test
    void onlyTheProvidersHostsAndTheirSubdomainsAreAllowed() {
        MediaHosts viber = MediaHosts.of("viber.com, *.viber.com", "https://chatapi.viber.com/pa");

        assertThat(viber.allows("dl-media.viber.com")).isTrue();
        assertThat(viber.allows("DL-MEDIA.Viber.com.")).isTrue();
        assertThat(viber.allows("viber.com")).isTrue();
        assertThat(viber.allows("viber.com.evil.example")).isFalse();
        assertThat(viber.allows("evilviber.com")).isFalse();
        assertThat(MediaHosts.of("*.viber.com").allows("viber.com"))
                .as("a wildcard means subdomains")
                .isFalse();
        assertThat(MediaHosts.of("api.telegram.org", "http://127.0.0.1:8081").allows("127.0.0.1"))
                .as("the configured API's own host")
                .isTrue();
    }

    @Test
    void aHostResolvingToAPrivateAddressIsRefusedBeforeAnyRequest() {
        var fetcher = fetcher(Map.of("dl-media.viber.com", "10.1.2.3"), false);

        assertThatThrownBy(() -> fetcher.fetch("https://dl-media.viber.com/p.jpg", viberHosts(), 1000))
                .isInstanceOf(MediaFetcher.UnsafeUrlException.class)
                .hasMessage("Media address not allowed (private): dl-media.viber.com");
    }

    @Test
    void everyAddressOfTheHostMustBePublic() {
        var fetcher = fetcher(Map.of("dl-media.viber.com", "8.8.8.8,::1"), false);

        assertThatThrownBy(() -> fetcher.fetch("https://dl-media.viber.com/p.jpg", viberHosts(), 1000))
                .isInstanceOf(MediaFetcher.UnsafeUrlException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void otherHostsSchemesAndCredentialsAreRefused() {
        var fetcher = fetcher(Map.of(), false);

        assertThatThrownBy(() -> fetcher.fetch("http://169.254.169.254/latest/meta-data", viberHosts(), 1000))
                .hasMessage("Media host not allowed: 169.254.169.254");
        assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd", viberHosts(), 1000))
                .hasMessage("Media URL is not http(s)");
        assertThatThrownBy(() -> fetcher.fetch("https://user:pw@dl-media.viber.com/p.jpg", viberHosts(), 1000))
                .hasMessage("Media URL with credentials");
    }

    @Test
    void aRedirectToAPrivateAddressIsNotFollowed() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "http://cdn.viber.com/p.jpg")
                .build());
        server.start(InetAddress.getLoopbackAddress(), 0);
        var fetcher = fetcher(Map.of("cdn.viber.com", "192.168.0.5"), true);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/p.jpg").toString(), hostsWithServer(), 1000))
                .isInstanceOf(MediaFetcher.UnsafeUrlException.class)
                .hasMessage("Media address not allowed (private): cdn.viber.com");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectToAnotherHostOrToTheMetadataAddressIsNotFollowed() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "http://evil.example/x")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(307)
                .addHeader("Location", "http://169.254.169.254/latest/meta-data/")
                .build());
        var fetcher = fetcher(Map.of(), true);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/p.jpg").toString(), hostsWithServer(), 1000))
                .hasMessage("Media host not allowed: evil.example");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/p.jpg").toString(), hostsWithServer(), 1000))
                .hasMessage("Media host not allowed: 169.254.169.254");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void redirectsWithinTheRulesAreFollowedAFewTimesAtMost() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "/second")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "image/png")
                .body("png")
                .build());
        var fetcher = fetcher(Map.of(), true);

        var file = fetcher.fetch(server.url("/p.jpg").toString(), hostsWithServer(), 1000);

        assertThat(new String(file.content())).isEqualTo("png");
        assertThat(file.contentType()).isEqualTo("image/png");

        for (int i = 0; i <= MediaFetcher.MAX_REDIRECTS; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(302)
                    .addHeader("Location", "/again")
                    .build());
        }
        assertThatThrownBy(() -> fetcher.fetch(server.url("/loop").toString(), hostsWithServer(), 1000))
                .hasMessageContaining("Too many redirects");
    }

    @Test
    void aFileOverTheLimitIsRefused() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        server.enqueue(
                new MockResponse.Builder().code(200).body("x".repeat(2000)).build());
        var fetcher = fetcher(Map.of(), true);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/big").toString(), hostsWithServer(), 1000))
                .hasMessageContaining("File too large");
    }

    private MediaHosts hostsWithServer() {
        return MediaHosts.of("viber.com,*.viber.com", server.url("/").toString());
    }

    private static MediaHosts viberHosts() {
        return MediaHosts.of("viber.com,*.viber.com");
    }

    /** A fetcher whose DNS answers from the map (loopback names resolve as usual). */
    private static MediaFetcher fetcher(Map<String, String> dns, boolean allowLoopback) {
        return new MediaFetcher(
                host -> dns.containsKey(host) ? addresses(dns.get(host).split(",")) : InetAddress.getAllByName(host),
                allowLoopback,
                Duration.ofSeconds(5));
    }

    private static InetAddress[] addresses(String... ips) throws UnknownHostException {
        InetAddress[] result = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            result[i] = InetAddress.getByName(ips[i]);
        }
        return result;
    }
}
