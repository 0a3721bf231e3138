package com.omnichat.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which sites may embed a channel's widget: those listed, or any site with {@code *}. */
class AllowedOriginsTest {

    @Test
    void listedSitesOnlyWithTheDefaultPortLeftOut() {
        AllowedOrigins shop =
                AllowedOrigins.parse("https://shop.example,\nhttps://www.shop.example:443 http://localhost:3000");

        assertThat(shop.allows("https://shop.example")).isTrue();
        assertThat(shop.allows("HTTPS://WWW.Shop.Example")).isTrue();
        assertThat(shop.allows("http://localhost:3000")).isTrue();
        assertThat(shop.allows("https://evil.example")).isFalse();
        assertThat(shop.allows("http://shop.example"))
                .as("another scheme is another site")
                .isFalse();
        assertThat(shop.allows("https://shop.example:8443"))
                .as("another port is another site")
                .isFalse();
    }

    @Test
    void aStarAllowsAnyWebSiteButNoPseudoOrigin() {
        AllowedOrigins any = AllowedOrigins.parse("*");

        assertThat(any.any()).isTrue();
        assertThat(any.allows("https://evil.example")).isTrue();
        assertThat(any.allows("http://localhost:8081")).isTrue();
        assertThat(any.allows("null")).as("a sandboxed frame or a file").isFalse();
        assertThat(any.allows("file:///home/me/page.html")).isFalse();
        assertThat(any.allows("*")).isFalse();
        assertThat(AllowedOrigins.parse("https://shop.example, *").allows("https://other.example"))
                .isTrue();
    }

    @Test
    void noSettingAllowsNoSite() {
        assertThat(AllowedOrigins.parse(null).allows("https://shop.example")).isFalse();
        assertThat(AllowedOrigins.parse("  ").allows("https://shop.example")).isFalse();
    }
}
