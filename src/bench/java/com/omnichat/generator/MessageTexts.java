package com.omnichat.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * What the generated clients and managers write: short shop talk in Ukrainian, Russian and
 * English, each text drawn with a weight so that words have the frequencies of a real shop's
 * chats (per 10,000 messages, roughly): "доставка" in any form ~1,000 (frequent), "оплата" ~570,
 * "tracking number" ~120, "гарантійний" ~1 (rare). The draw is a hash of the chat and the
 * message's position: the same data set every time, no state, no random generator.
 */
final class MessageTexts {

    /** Words the benchmark searches for (frequencies above). */
    static final String FREQUENT = "доставка";

    static final String COMMON = "оплата";
    static final String ENGLISH = "tracking number";
    static final String RARE = "гарантійний";

    private static final String[] CLIENT = table(
            900, "Добрий день! Чи є в наявності?",
            350, "Скільки коштує доставка?",
            700, "Здравствуйте, хочу заказать",
            400, "Когда будет отправка?",
            250, "Hi, do you ship abroad?",
            500, "Thanks!",
            150, "Можна оплатити карткою?",
            500, "Дякую, отримала",
            300, "What sizes do you have?",
            500, "Оформіть, будь ласка",
            400, "А є такий самий, але в синьому кольорі? Розмір M або L, на зріст 170",
            900, "Ок",
            200, "Яка вартість доставки до Києва?",
            200, "Сколько стоит доставка в Харьков?",
            100, "Оплата при отриманні можлива?",
            100, "Оплатила, перевірте будь ласка",
            60, "Could you send me the tracking number?",
            40, "What is the tracking number of my order?",
            20, "Where is my parcel? The tracking number does not work",
            250, "Коли відправите? Дайте номер ТТН",
            50, "Можно примерить перед оплатой?",
            200, "Есть скидка при заказе от двух штук?",
            400, "Добрий вечір, а розмір S ще є?",
            400, "Скиньте, будь ласка, фото",
            80, "Хочу повернути товар, не підійшов розмір",
            60, "Is the delivery free?",
            50, "Чек можна на пошту?",
            30, "Переплутали колір, що робити?",
            1, "Потрібен гарантійний талон на блендер, без нього не приймають у сервісі");

    private static final String[] MANAGER = table(
            1200, "Добрий день! Так, є в наявності.",
            500, "Доставка Новою поштою, 1-2 дні.",
            800, "Здравствуйте! Уточните, пожалуйста, размер.",
            250, "Hello! Yes, we ship worldwide.",
            800, "Замовлення оформлено, номер ТТН надішлемо сьогодні.",
            900, "Дякуємо за покупку!",
            200, "Оплатити можна карткою на сайті або при отриманні.",
            300, "Ваш номер ТТН 20450000000000, доставка завтра.",
            60, "Your order has shipped, the tracking number is in the SMS.",
            150, "Оплату отримали, дякуємо!",
            100, "Оплата прошла, отправим сегодня.",
            400, "Надіслали фото на Viber",
            600, "Так, розмір S є.",
            200, "Скидка 10% при заказе от двух вещей.",
            100, "Повернення протягом 14 днів, за рахунок покупця.",
            200, "Good afternoon! Which size do you need?",
            1, "Гарантійний талон вкладаємо в коробку.");

    private MessageTexts() {}

    static String client(int chat, int message) {
        return CLIENT[draw(chat, message, CLIENT.length)];
    }

    static String manager(int chat, int message) {
        return MANAGER[draw(chat, message, MANAGER.length)];
    }

    /** A well-mixed hash of the two positions (SplitMix64's finalizer), reduced to the table. */
    private static int draw(int chat, int message, int size) {
        long h = chat * 0x9E3779B97F4A7C15L + message * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (int) Math.floorMod(h, (long) size);
    }

    /** Weight, text, weight, text, ...: each text repeated as often as its weight says. */
    private static String[] table(Object... weighted) {
        List<String> table = new ArrayList<>();
        for (int i = 0; i < weighted.length; i += 2) {
            for (int w = 0; w < (Integer) weighted[i]; w++) {
                table.add((String) weighted[i + 1]);
            }
        }
        return table.toArray(String[]::new);
    }
}
