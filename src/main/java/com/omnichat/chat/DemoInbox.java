package com.omnichat.chat;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo channels and a handful of realistic conversations (dev profile), created once:
 * Ukrainian, Russian and English clients, replies, notes, an assigned, a closed and
 * several unanswered chats.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "omnichat.demo-data", havingValue = "true")
class DemoInbox implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInbox.class);

    private final ChannelService channels;
    private final UserService users;
    private final MessageIngestion ingestion;
    private final InboxService inbox;

    DemoInbox(ChannelService channels, UserService users, MessageIngestion ingestion, InboxService inbox) {
        this.channels = channels;
        this.users = users;
        this.ingestion = ingestion;
        this.inbox = inbox;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAccess.run(() -> {
            if (!channels.myChannels().isEmpty()) {
                return;
            }
            Map<String, StaffMember> staff =
                    users.directory().values().stream().collect(Collectors.toMap(StaffMember::login, m -> m));
            seed(staff);
            log.info("Demo channels and conversations created");
        });
    }

    private void seed(Map<String, StaffMember> staff) {
        long anna = staff.get("anna").id();
        long max = staff.get("max").id();
        ChannelInfo telegram =
                channels.createDemo(ChannelType.TELEGRAM, "Telegram · @flowershop_bot", Set.of(anna, max));
        ChannelInfo instagram = channels.createDemo(ChannelType.INSTAGRAM, "Instagram · @flowershop.ua", Set.of(anna));
        ChannelInfo viber = channels.createDemo(ChannelType.VIBER, "Viber · Flower Shop", Set.of(max));
        ChannelInfo webchat = channels.createDemo(ChannelType.WEBCHAT, "Site chat · flowershop.ua", Set.of(anna, max));

        Instant now = Instant.now();
        long olena = client(
                telegram,
                "tg-1001",
                "Олена Бондар",
                "olena_b",
                now.minus(Duration.ofMinutes(3)),
                "Добрий день! Чи є у вас півонії в наявності?",
                "А доставка на завтра можлива?");
        long dmitry = client(
                viber,
                "vb-2002",
                "Дмитрий Соколов",
                null,
                now.minus(Duration.ofMinutes(40)),
                "Здравствуйте, хочу заказать букет на день рождения",
                "Бюджет около 1500 грн");
        long emma = client(
                webchat,
                "web-3003",
                "Emma Wilson",
                null,
                now.minus(Duration.ofHours(2)),
                "Hi! Do you deliver to Lviv?");
        long taras = client(
                instagram,
                "ig-4004",
                "Тарас Мельник",
                "taras.melnyk",
                now.minus(Duration.ofHours(5)),
                "Скільки коштує букет з фото?");
        long irina = client(
                telegram,
                "tg-1005",
                "Ирина Ковальчук",
                "irina_k",
                now.minus(Duration.ofDays(1)),
                "Спасибо, букет доставили, всё отлично!");
        client(
                webchat,
                "web-3006",
                "John Carter",
                null,
                now.minus(Duration.ofDays(2)),
                "Can I pay by card on delivery?");

        as(staff.get("anna"), () -> {
            inbox.reply(taras, "Вітаю! Букет з фото коштує 1200 грн, можемо доставити сьогодні.", null, List.of());
            inbox.addNote(taras, "Клієнт постійний, запропонувати знижку 5%");
            inbox.reply(emma, "Hello Emma! Yes, we deliver to Lviv within 2 days.", null, List.of());
        });
        ingestion.receive(InboundMessage.text(
                webchat.id(),
                new ClientProfile("web-3003", "Emma Wilson", null, null),
                "web-3003-m3",
                "Great, I'd like to order roses then 🌹",
                now.minus(Duration.ofMinutes(90))));
        as(staff.get("max"), () -> {
            inbox.reply(irina, "Дякуємо за відгук! Будемо раді бачити знову.", null, List.of());
            inbox.close(irina);
            inbox.assign(dmitry, max);
        });
        log.debug("Demo chats {} {}", olena, dmitry);
    }

    private long client(
            ChannelInfo channel, String userId, String name, String nickname, Instant start, String... texts) {
        var profile = new ClientProfile(userId, name, nickname, null);
        long conversation = 0;
        for (int i = 0; i < texts.length; i++) {
            conversation = ingestion
                    .receive(InboundMessage.text(
                            channel.id(),
                            profile,
                            userId + "-m" + i,
                            texts[i],
                            start.plus(Duration.ofSeconds(30L * i))))
                    .conversationId();
        }
        return conversation;
    }

    private static void as(StaffMember member, Runnable work) {
        SystemAccess.runAs(
                new StaffPrincipal(member.id(), member.login(), member.fullName(), member.role(), true, null, null),
                work);
    }
}
