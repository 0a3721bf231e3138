package com.omnichat.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.ChannelSamples;
import com.omnichat.channel.ChannelType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the widget shows, read from the channel's plain settings: clipped, checked, on unless said no. */
class WidgetSettingsTest {

    @Test
    void titleAndGreetingAreTrimmedAndClippedAndOnlyAHexColourIsTaken() {
        WidgetSettings settings = settings(Map.of(
                WidgetSettings.TITLE,
                "  Flower Shop  ",
                WidgetSettings.GREETING,
                "x".repeat(600),
                WidgetSettings.COLOR,
                " #AA3366 "));

        assertThat(settings.title()).isEqualTo("Flower Shop");
        assertThat(settings.greeting()).hasSize(500);
        assertThat(settings.color()).isEqualTo("#AA3366");
        assertThat(settings(Map.of(WidgetSettings.COLOR, "red; background: url(x)"))
                        .color())
                .isNull();
    }

    @Test
    void contactsAreAskedForUnlessTheSettingSaysNoInAnyOfTheLanguages() {
        assertThat(settings(Map.of()).askContacts()).isTrue();
        assertThat(settings(Map.of(WidgetSettings.ASK_CONTACTS, "yes")).askContacts())
                .isTrue();
        for (String no : new String[] {"false", "No", "0", "OFF", "ні", "нет"}) {
            assertThat(settings(Map.of(WidgetSettings.ASK_CONTACTS, no)).askContacts())
                    .as(no)
                    .isFalse();
        }
    }

    private static WidgetSettings settings(Map<String, String> values) {
        return WidgetSettings.of(ChannelSamples.channel(ChannelType.WEBCHAT, values));
    }
}
