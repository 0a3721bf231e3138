package com.omnichat.generator;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills the inbox with N conversations and about M messages over 20 channels and 50
 * managers, skewed like real shops: most chats short, a few very long, about 5% open,
 * names in Latin and Cyrillic. Everything goes in with COPY, in batches, and the counters
 * on each conversation match its messages exactly. Exits when done unless told to stay.
 */
@Component
@ConditionalOnProperty(name = "omnichat.generate.conversations")
class InboxDataGenerator implements ApplicationRunner {

    static final int CHANNELS = 20;
    static final int MANAGERS = 50;
    static final String MANAGER_PASSWORD = "generated-pass-1";
    private static final int BATCH = 20_000;
    private static final Logger log = LoggerFactory.getLogger(InboxDataGenerator.class);
    private static final String[] FIRST = {"Olena", "Taras", "Iryna", "Dmytro", "Anna", "Maksym", "Oksana", "Andrii",
            "Emma", "John", "Sophia", "Liam", "Олена", "Тарас", "Ірина", "Дмитро", "Анна", "Максим", "Оксана",
            "Андрій", "Мария", "Сергей", "Наталья", "Алексей"};
    private static final String[] LAST = {"Kovalenko", "Shevchenko", "Bondarenko", "Melnyk", "Tkachenko", "Wilson",
            "Carter", "Smith", "Коваленко", "Шевченко", "Бондаренко", "Мельник", "Ткаченко", "Иванов", "Петренко",
            "Соколова"};
    private static final String[] TEXTS = {"Добрий день! Чи є в наявності?", "Скільки коштує доставка?",
            "Здравствуйте, хочу заказать", "Когда будет отправка?", "Hi, do you ship abroad?", "Thanks!",
            "Можна оплатити карткою?", "Дякую, отримала", "What sizes do you have?", "Оформіть, будь ласка"};

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ConfigurableApplicationContext context;
    private final int conversations;
    private final long messages;
    private final boolean exit;
    private final SplittableRandom random = new SplittableRandom(42);

    InboxDataGenerator(DataSource dataSource, JdbcClient jdbc, PasswordEncoder encoder,
                       ConfigurableApplicationContext context,
                       @Value("${omnichat.generate.conversations}") int conversations,
                       @Value("${omnichat.generate.messages:0}") long messages,
                       @Value("${omnichat.generate.exit:true}") boolean exit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.context = context;
        this.conversations = conversations;
        this.messages = messages > 0 ? messages : conversations * 10L;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        long started = System.nanoTime();
        long[] channelIds = ensureChannels();
        long[] managerIds = ensureManagers(channelIds);
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int done = 0; done < conversations; done += BATCH) {
                int size = Math.min(BATCH, conversations - done);
                written += batch(connection, copy, size, channelIds, managerIds);
                log.info("Generated {} / {} conversations, {} messages", done + size, conversations, written);
            }
        }
        jdbc.sql("analyze").update();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Generated {} conversations and {} messages in {} s ({} messages/s)", conversations, written,
                took.toSeconds(), written * 1000 / Math.max(1, took.toMillis()));
        if (exit) {
            System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
        }
    }

    private long[] ensureChannels() {
        String[] types = {"TELEGRAM", "VIBER", "INSTAGRAM", "FACEBOOK", "WHATSAPP", "EMAIL", "WEBCHAT"};
        for (int i = 1; i <= CHANNELS; i++) {
            String name = "Generated channel " + i;
            jdbc.sql("insert into channel (type, name) select ?, ? where not exists (select 1 from channel where name = ?)")
                    .params(types[i % types.length], name, name).update();
        }
        return jdbc.sql("select id from channel where name like 'Generated channel %' order by id")
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** 50 managers with 5 channels each; their login is gen-manager-N. */
    private long[] ensureManagers(long[] channelIds) {
        String hash = encoder.encode(MANAGER_PASSWORD);
        for (int i = 1; i <= MANAGERS; i++) {
            jdbc.sql("""
                            insert into staff_user (login, full_name, email, role, password_hash, avatar_color)
                            values (?, ?, ?, 'MANAGER', ?, '#188038') on conflict (login) do nothing""")
                    .params("gen-manager-" + i, FIRST[i % FIRST.length] + " " + LAST[i % LAST.length],
                            "gen-manager-" + i + "@omnichat.test", hash).update();
        }
        long[] ids = jdbc.sql("select id from staff_user where login like 'gen-manager-%' order by id")
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        for (int m = 0; m < ids.length; m++) {
            for (int c = 0; c < 5; c++) {
                jdbc.sql("insert into channel_access (channel_id, user_id) values (?, ?) on conflict do nothing")
                        .params(channelIds[(m + c * 4) % channelIds.length], ids[m]).update();
            }
        }
        return ids;
    }

    private long batch(Connection connection, CopyManager copy, int size, long[] channelIds, long[] managerIds)
            throws SQLException, java.io.IOException {
        String tag = Long.toString(System.nanoTime(), 36);
        long clientStart = maxId(connection, "client");
        var clients = new StringBuilder();
        String[] names = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            clients.append(names[i]).append('\t').append("nick_").append(tag).append('_').append(i).append('\n');
        }
        copy.copyIn("copy client (name, nickname) from stdin", new StringReader(clients.toString()));
        long[] clientIds = idsAfter(connection, "client", clientStart);

        long identityStart = maxId(connection, "client_identity");
        var identities = new StringBuilder();
        long[] channelOf = new long[size];
        for (int i = 0; i < size; i++) {
            channelOf[i] = channelIds[random.nextInt(channelIds.length)];
            identities.append(clientIds[i]).append('\t').append(channelOf[i]).append('\t')
                    .append("gen-").append(tag).append('-').append(i).append('\n');
        }
        copy.copyIn("copy client_identity (client_id, channel_id, external_user_id) from stdin",
                new StringReader(identities.toString()));
        long[] identityIds = idsAfter(connection, "client_identity", identityStart);

        // Plan each conversation's messages first, so its counters can be written with it.
        List<Plan> plans = new ArrayList<>(size);
        double mean = (double) messages / conversations;
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            plans.add(plan(mean, now));
        }
        long conversationStart = maxId(connection, "conversation");
        var rows = new StringBuilder();
        for (int i = 0; i < size; i++) {
            Plan p = plans.get(i);
            String responsible = p.replied ? Long.toString(managerIds[random.nextInt(managerIds.length)]) : "\\N";
            rows.append(channelOf[i]).append('\t').append(clientIds[i]).append('\t').append(identityIds[i]).append('\t')
                    .append(p.open ? "OPEN" : "CLOSED").append('\t').append(responsible).append('\t')
                    .append(ts(p.sortAt)).append('\t').append(ts(p.lastAt)).append('\t').append(p.lastText).append('\t')
                    .append(p.lastClient ? "CLIENT" : "MANAGER").append('\t').append(p.unread).append('\t')
                    .append(p.unread > 0).append('\t').append(names[i]).append('\t')
                    .append("nick_").append(tag).append('_').append(i).append('\t').append(ts(p.start)).append('\n');
        }
        copy.copyIn("""
                copy conversation (channel_id, client_id, identity_id, state, responsible_id, sort_at, last_message_at,
                                   last_message_preview, last_message_kind, unread_count, unanswered, client_name,
                                   client_nickname, created_at) from stdin""", new StringReader(rows.toString()));
        long[] conversationIds = idsAfter(connection, "conversation", conversationStart);

        long written = 0;
        var messageRows = new StringBuilder();
        for (int i = 0; i < size; i++) {
            Plan p = plans.get(i);
            for (int m = 0; m < p.count; m++) {
                boolean client = p.isClient(m);
                messageRows.append(conversationIds[i]).append('\t').append(channelOf[i]).append('\t')
                        .append(client ? "CLIENT" : "MANAGER").append('\t')
                        .append(client ? "\\N" : Long.toString(managerIds[i % managerIds.length])).append('\t')
                        .append(TEXTS[(m + i) % TEXTS.length]).append('\t')
                        .append(client ? "g" + tag + "-" + i + "-" + m : "\\N").append('\t')
                        .append(client ? "\\N" : "DELIVERED").append('\t')
                        .append(ts(p.start.plusSeconds(m * p.stepSeconds))).append('\n');
                written++;
            }
            if (messageRows.length() > 8_000_000) {
                copyMessages(copy, messageRows);
            }
        }
        copyMessages(copy, messageRows);
        return written;
    }

    private static void copyMessages(CopyManager copy, StringBuilder rows) throws SQLException, java.io.IOException {
        if (rows.isEmpty()) {
            return;
        }
        copy.copyIn("""
                copy message (conversation_id, channel_id, kind, author_id, body, external_id, delivery_status, created_at)
                from stdin""", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** Message count (exponential, with rare very long chats), timing and the counters that follow. */
    private Plan plan(double mean, Instant now) {
        int count = random.nextInt(2000) == 0 ? 2_000 + random.nextInt(8_000)
                : Math.max(1, (int) Math.round(-Math.log(1 - random.nextDouble()) * mean * 0.9));
        Instant start = now.minusSeconds(60 + random.nextLong(365L * 24 * 3600));
        long span = Math.max(1, Duration.between(start, now).toSeconds() / 4);
        long step = Math.max(1, span / count);
        // A third of the chats end with a few client messages nobody answered yet.
        int tail = random.nextInt(3) == 0 ? 1 + random.nextInt(Math.min(count, 4)) : 0;
        boolean open = random.nextInt(20) == 0;
        return new Plan(count, start, step, tail, open);
    }

    private static final class Plan {
        final int count;
        final Instant start;
        final long stepSeconds;
        final int tail;
        final int unread;
        final boolean replied;
        final boolean open;
        final Instant lastAt;
        final Instant sortAt;
        final boolean lastClient;
        final String lastText;

        Plan(int count, Instant start, long stepSeconds, int tail, boolean open) {
            this.count = count;
            this.start = start;
            this.stepSeconds = stepSeconds;
            this.tail = tail;
            this.open = open;
            // The badge: client messages after the last manager message.
            int trailing = 0;
            while (trailing < count && isClient(count - 1 - trailing)) {
                trailing++;
            }
            this.unread = trailing;
            this.replied = trailing < count;
            this.lastAt = start.plusSeconds((count - 1) * stepSeconds);
            this.lastClient = isClient(count - 1);
            int lastClientIndex = count - 1;
            while (lastClientIndex > 0 && !isClient(lastClientIndex)) {
                lastClientIndex--;
            }
            this.sortAt = start.plusSeconds(lastClientIndex * stepSeconds);
            this.lastText = TEXTS[0];
        }

        /** Client and manager alternate, the first message is the client's, the tail is the client's. */
        boolean isClient(int index) {
            return index == 0 || index >= count - tail || index % 2 == 0;
        }
    }

    private static String ts(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static long maxId(Connection connection, String table) throws SQLException {
        try (var st = connection.createStatement(); var rs = st.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long[] idsAfter(Connection connection, String table, long after) throws SQLException {
        try (var ps = connection.prepareStatement("select id from " + table + " where id > ? order by id")) {
            ps.setLong(1, after);
            try (var rs = ps.executeQuery()) {
                var ids = new ArrayList<Long>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids.stream().mapToLong(Long::longValue).toArray();
            }
        }
    }
}
