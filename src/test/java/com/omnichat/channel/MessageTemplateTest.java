package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.MessageTemplate.Button;
import com.omnichat.channel.MessageTemplate.Component;
import com.omnichat.channel.MessageTemplate.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template parameters, numbered and named, and the text a client reads. */
class MessageTemplateTest {

    static final MessageTemplate ORDER_READY = new MessageTemplate(
            "order_ready",
            "uk",
            "UTILITY",
            List.of(
                    new Component(Kind.HEADER, "TEXT", "Замовлення {{1}}", List.of()),
                    new Component(
                            Kind.BODY,
                            null,
                            "Вітаємо, {{1}}! Замовлення {{2}} чекає у магазині. {{1}}, до зустрічі!",
                            List.of()),
                    new Component(Kind.FOOTER, null, "Flower Shop", List.of()),
                    new Component(Kind.BUTTONS, null, null, List.of(new Button("QUICK_REPLY", "Дякую", null)))));

    static final MessageTemplate NAMED = new MessageTemplate(
            "delivery_slot",
            "en",
            "UTILITY",
            List.of(
                    new Component(Kind.HEADER, "IMAGE", null, List.of()),
                    new Component(Kind.BODY, null, "Hi {{first_name}}, your courier comes at {{ slot }}.", List.of())));

    @Test
    void numberedParametersAreListedOnceInOrderPerComponent() {
        assertThat(ORDER_READY.component(Kind.HEADER).parameters()).containsExactly("1");
        assertThat(ORDER_READY.component(Kind.BODY).parameters()).containsExactly("1", "2");
        assertThat(ORDER_READY.numbered()).isTrue();
    }

    @Test
    void namedParametersKeepTheirNames() {
        assertThat(NAMED.component(Kind.BODY).parameters()).containsExactly("first_name", "slot");
        assertThat(NAMED.numbered()).isFalse();
        assertThat(NAMED.component(Kind.HEADER).mediaHeader()).isTrue();
    }

    @Test
    void theRenderedTextIsWhatTheClientReads() {
        String text = ORDER_READY.render(Map.of("1", "№ 1042"), Map.of("1", "Олено", "2", "№ 1042"));

        assertThat(text).isEqualTo("""
                Замовлення № 1042

                Вітаємо, Олено! Замовлення № 1042 чекає у магазині. Олено, до зустрічі!

                Flower Shop

                [Дякую]""");
    }

    @Test
    void aMissingValueStaysVisibleAsItsPlaceholderAndAMediaHeaderIsNotText() {
        assertThat(NAMED.render(Map.of(), Map.of("first_name", "Olena")))
                .isEqualTo("Hi Olena, your courier comes at {{ slot }}.");
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithDollarSigns() {
        assertThat(NAMED.render(Map.of(), Map.of("first_name", "$1 \\ O'Neil", "slot", "10:00")))
                .isEqualTo("Hi $1 \\ O'Neil, your courier comes at 10:00.");
    }
}
