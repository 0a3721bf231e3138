package com.omnichat.generator;

import com.omnichat.base.Role;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills the inbox with N conversations and M messages over 20 channels and 50 managers,
 * skewed like real shops: most chats short, one in 2,000 long (1,000-5,000 messages) and one
 * of exactly {@value #LONG_CHAT} messages; about 5% open (recent ones); names in Latin and
 * Cyrillic. Counters on each conversation match its messages exactly.
 * <p>
 * Fast: ids are assigned here, four COPY streams (clients, identities, conversations,
 * messages) run on four connections at once while this thread writes the rows, and the
 * tables' constraints and indexes are dropped before and rebuilt after the load (exactly as
 * the migrations defined them, read back from the catalog). Into empty tables the rows go
 * in frozen ({@code COPY FREEZE}), so no vacuum pass is needed afterwards.
 */
@Component
class InboxDataGenerator {

    static final int CHANNELS = 20;
    static final int MANAGERS = 50;
    static final int CHANNELS_PER_MANAGER = 5;
    static final int LONG_CHAT = 10_000;
    static final String MANAGER_PASSWORD = "generated-pass-1";
    static final String ADMIN_LOGIN = "gen-admin";
    static final String CHANNEL_PREFIX = "Generated channel ";
    /** The long chat's client is found again by this nickname when a data set is reused. */
    static final String LONG_CHAT_NICKNAME = "long_chat_client";

    private static final Logger log = LoggerFactory.getLogger(InboxDataGenerator.class);
    private static final List<String> TABLES = List.of("client", "client_identity", "conversation", "message");
    private static final String[] FIRST = {
        "Olena", "Taras", "Iryna", "Dmytro", "Anna", "Maksym", "Oksana", "Andrii", "Emma", "John", "Sophia", "Liam",
        "Олена", "Тарас", "Ірина", "Дмитро", "Анна", "Максим", "Оксана", "Андрій", "Мария", "Сергей", "Наталья",
        "Алексей"
    };
    private static final String[] FIRST_LATIN = {
        "olena", "taras", "iryna", "dmytro", "anna", "maksym", "oksana", "andrii", "emma", "john", "sophia", "liam",
        "olena", "taras", "iryna", "dmytro", "anna", "maksym", "oksana", "andrii", "maria", "sergey", "natalia",
        "alexey"
    };
    private static final String[] LAST = {
        "Kovalenko",
        "Shevchenko",
        "Bondarenko",
        "Melnyk",
        "Tkachenko",
        "Wilson",
        "Carter",
        "Smith",
        "Коваленко",
        "Шевченко",
        "Бондаренко",
        "Мельник",
        "Ткаченко",
        "Иванов",
        "Петренко",
        "Соколова"
    };
    private static final String[] TYPES = {"TELEGRAM", "VIBER", "INSTAGRAM", "FACEBOOK", "WHATSAPP", "EMAIL", "WEBCHAT"
    };
    private static final int FLUSH_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ChannelService channels;

    InboxDataGenerator(DataSource dataSource, JdbcClient jdbc, PasswordEncoder encoder, ChannelService channels) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.channels = channels;
    }

    /**
     * Generates {@code conversations} chats with {@code messages} messages in total (at least
     * one per chat; the long chat counts among them).
     */
    DataSet generate(int conversations, long messages) throws SQLException, IOException {
        if (conversations < 1 || messages < conversations + LONG_CHAT) {
            throw new IllegalArgumentException("Need at least one chat and " + LONG_CHAT
                    + " messages more than chats, got " + conversations + " / " + messages);
        }
        long started = System.nanoTime();
        List<Long> channelIds = ensureChannels();
        List<DataSet.Manager> managers = ensureManagers(channelIds);
        long adminId = ensureAdministrator();
        var plan = new Plan(conversations, messages, channelIds, managers, new SplittableRandom(42));
        Instant now = Instant.now();
        // Message ids in time order, as ingestion assigns them: a second plan from the same seed draws the same chats.
        int[] idRank =
                idsInTimeOrder(new Plan(conversations, messages, channelIds, managers, new SplittableRandom(42)), now);

        List<Constraint> constraints = constraints();
        List<String> indexes = indexes();
        boolean empty = TABLES.stream()
                .allMatch(t -> jdbc.sql("select not exists (select 1 from " + t + ")")
                        .query(Boolean.class)
                        .single());
        dropConstraintsAndIndexes(constraints, indexes);
        long longChatId;
        try {
            longChatId = load(plan, empty, now, idRank);
        } finally {
            long loaded = System.nanoTime();
            log.info(
                    "Loaded in {} s; rebuilding {} constraints and {} indexes",
                    seconds(started, loaded),
                    constraints.size(),
                    indexes.size());
            rebuild(constraints, indexes);
            plan.indexesAt = System.nanoTime();
            plan.loadedAt = loaded;
        }
        for (String table : TABLES) {
            jdbc.sql("select setval(pg_get_serial_sequence(?, 'id'), greatest(1, (select max(id) from " + table + ")))")
                    .param(table)
                    .query()
                    .singleValue();
        }
        // Rows were written chat by chat; ingestion appends them in time order, which is id order: so are they here.
        jdbc.sql("cluster message using message_pkey").update();
        // Bulk-loaded tables have no statistics yet; frozen ones need no vacuum, appended ones do.
        jdbc.sql(
                        empty
                                ? "analyze client, client_identity, conversation, message"
                                : "vacuum analyze client, client_identity, conversation, message")
                .update();
        long done = System.nanoTime();
        var timings = new DataSet.Timings(
                seconds(started, done),
                seconds(started, plan.loadedAt),
                seconds(plan.loadedAt, plan.indexesAt),
                seconds(plan.indexesAt, done),
                false);
        log.info(
                "Generated {} conversations and {} messages in {} s (load {} s, constraints and indexes {} s, "
                        + "analyze {} s; {} messages/s)",
                conversations,
                plan.written,
                timings.totalSeconds(),
                timings.loadSeconds(),
                timings.indexSeconds(),
                timings.analyzeSeconds(),
                Math.round(plan.written / Math.max(0.001, timings.totalSeconds())));
        return new DataSet(channelIds, managers, adminId, longChatId, LONG_CHAT, conversations, plan.written, timings);
    }

    /** The data set generated earlier into this database, or null when there is none of this size. */
    DataSet find(int conversations) {
        List<Long> channelIds = generatedChannels();
        Long longChat = jdbc.sql("select id from conversation where client_nickname = ?")
                .param(LONG_CHAT_NICKNAME)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (channelIds.size() != CHANNELS || longChat == null) {
            return null;
        }
        long count = jdbc.sql("select count(*) from conversation where channel_id = any(?)")
                .param(channelIds.toArray(Long[]::new))
                .query(Long.class)
                .single();
        if (count != conversations) {
            return null;
        }
        long messages = jdbc.sql("select count(*) from message where channel_id = any(?)")
                .param(channelIds.toArray(Long[]::new))
                .query(Long.class)
                .single();
        long adminId = jdbc.sql("select id from staff_user where login = ?")
                .param(ADMIN_LOGIN)
                .query(Long.class)
                .single();
        return new DataSet(
                channelIds,
                managers(),
                adminId,
                longChat,
                LONG_CHAT,
                count,
                messages,
                new DataSet.Timings(0, 0, 0, 0, true));
    }

    // ---- people and channels ----

    private List<Long> ensureChannels() {
        List<Long> existing = generatedChannels();
        if (existing.size() < CHANNELS) {
            SystemAccess.run(() -> {
                for (int i = existing.size() + 1; i <= CHANNELS; i++) {
                    channels.create(ChannelType.valueOf(TYPES[i % TYPES.length]), CHANNEL_PREFIX + i, Set.of());
                }
            });
        }
        return generatedChannels();
    }

    private List<Long> generatedChannels() {
        return jdbc.sql("select id from channel where name like ? order by id")
                .param(CHANNEL_PREFIX + "%")
                .query(Long.class)
                .list();
    }

    /** 50 managers (gen-manager-1 ... 50), each with five consecutive channels: every channel has 12-13. */
    private List<DataSet.Manager> ensureManagers(List<Long> channelIds) {
        String hash = encoder.encode(MANAGER_PASSWORD);
        for (int i = 1; i <= MANAGERS; i++) {
            jdbc.sql("""
                            insert into staff_user (login, full_name, email, role_id, password_hash, avatar_color)
                            values (?, ?, ?, ?, ?, '#188038') on conflict (login) do nothing""")
                    .params(
                            "gen-manager-" + i,
                            FIRST[i % FIRST.length] + " " + LAST[i % LAST.length],
                            "gen-manager-" + i + "@omnichat.test",
                            Role.MANAGER.id(),
                            hash)
                    .update();
        }
        List<Long> ids = jdbc.sql("select id from staff_user where login like 'gen-manager-%' order by id")
                .query(Long.class)
                .list();
        for (int m = 0; m < ids.size(); m++) {
            for (int c = 0; c < CHANNELS_PER_MANAGER; c++) {
                jdbc.sql("insert into channel_access (channel_id, user_id) values (?, ?) on conflict do nothing")
                        .params(channelIds.get((m + c) % channelIds.size()), ids.get(m))
                        .update();
            }
        }
        return managers();
    }

    private List<DataSet.Manager> managers() {
        return jdbc.sql("""
                        select u.id, u.login, u.full_name, array_agg(a.channel_id order by a.channel_id) channels
                        from staff_user u join channel_access a on a.user_id = u.id
                        where u.login like 'gen-manager-%' group by u.id order by u.id""")
                .query((rs, n) -> new DataSet.Manager(rs.getLong(1), rs.getString(2), rs.getString(3), List.of((Long[])
                        rs.getArray(4).getArray())))
                .list();
    }

    private long ensureAdministrator() {
        jdbc.sql("""
                        insert into staff_user (login, full_name, email, role_id, password_hash, avatar_color)
                        values (?, 'Generated Administrator', 'gen-admin@omnichat.test', ?, ?, '#1a73e8')
                        on conflict (login) do nothing""")
                .params(ADMIN_LOGIN, Role.ADMINISTRATOR.id(), encoder.encode(MANAGER_PASSWORD))
                .update();
        return jdbc.sql("select id from staff_user where login = ?")
                .param(ADMIN_LOGIN)
                .query(Long.class)
                .single();
    }

    // ---- constraints and indexes ----

    private record Constraint(String table, String name, String type, String definition) {}

    /** Primary, unique and foreign keys on the four tables or pointing at them. */
    private List<Constraint> constraints() {
        return jdbc.sql("""
                        select conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(oid)
                        from pg_constraint
                        where contype in ('p', 'u', 'f')
                          and (conrelid = any(?::regclass[]) or confrelid = any(?::regclass[]))
                        order by case contype when 'p' then 0 when 'u' then 1 else 2 end, conname""")
                .params(TABLES.toArray(String[]::new), TABLES.toArray(String[]::new))
                .query((rs, n) -> new Constraint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The other indexes of the four tables, as CREATE INDEX statements. */
    private List<String> indexes() {
        return jdbc.sql("""
                        select pg_get_indexdef(i.indexrelid) from pg_index i
                        where i.indrelid = any(?::regclass[])
                          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid
                                          and c.contype in ('p', 'u', 'x'))
                        order by i.indexrelid""")
                .param(TABLES.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    private void dropConstraintsAndIndexes(List<Constraint> constraints, List<String> indexes) {
        for (Constraint c : constraints.reversed()) {
            jdbc.sql("alter table " + c.table() + " drop constraint " + c.name())
                    .update();
        }
        for (String index : indexes) {
            jdbc.sql("drop index " + index.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"))
                    .update();
        }
    }

    private void rebuild(List<Constraint> constraints, List<String> indexes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement st = connection.createStatement()) {
            st.execute("set maintenance_work_mem = '512MB'");
            for (Constraint c : constraints) {
                if (!c.type().equals("f")) {
                    st.execute("alter table " + c.table() + " add constraint " + c.name() + " " + c.definition());
                }
            }
            for (String index : indexes) {
                st.execute(index);
            }
            for (Constraint c : constraints) {
                if (c.type().equals("f")) {
                    st.execute("alter table " + c.table() + " add constraint " + c.name() + " " + c.definition());
                }
            }
            st.execute("reset maintenance_work_mem");
        }
    }

    // ---- the rows ----

    /** Streams all rows; returns the long chat's id. */
    private long load(Plan plan, boolean empty, Instant now, int[] idRank) throws SQLException, IOException {
        long clientBase = maxId("client");
        long identityBase = maxId("client_identity");
        long conversationBase = maxId("conversation");
        long messageBase = maxId("message");
        try (var clients = new Stream(empty, "client", "id, name, nickname, created_at, updated_at");
                var identities = new Stream(
                        empty,
                        "client_identity",
                        "id, client_id, channel_id, external_user_id, display_name, nickname, created_at");
                var conversations = new Stream(empty, "conversation", """
                     id, channel_id, client_id, identity_id, state, responsible_id, sort_at, last_message_at,
                     last_message_preview, last_message_kind, unread_count, unanswered, client_name, client_nickname,
                     created_at, updated_at""");
                var messages = new Stream(empty, "message", """
                     id, conversation_id, channel_id, kind, author_id, body, system_code, system_args, external_id,
                     delivery_status, created_at""")) {
            long written = 0;
            long longChatId = 0;
            for (int i = 0; i < plan.conversations; i++) {
                Chat chat = plan.chat(i, now);
                long clientId = clientBase + i + 1;
                long identityId = identityBase + i + 1;
                long conversationId = conversationBase + i + 1;
                if (i == plan.longChatIndex) {
                    longChatId = conversationId;
                }
                String start = chat.times[0];
                clients.row()
                        .id(clientId)
                        .text(chat.name)
                        .text(chat.nickname)
                        .text(start)
                        .text(start)
                        .end();
                identities
                        .row()
                        .id(identityId)
                        .id(clientId)
                        .id(chat.channelId)
                        .text(Long.toString(700_000_000L + clientId))
                        .text(chat.name)
                        .text(chat.nickname)
                        .text(start)
                        .end();
                int last = chat.lastTalk();
                conversations
                        .row()
                        .id(conversationId)
                        .id(chat.channelId)
                        .id(clientId)
                        .id(identityId)
                        .text(chat.open ? "OPEN" : "CLOSED")
                        .id(chat.responsibleId)
                        .text(chat.times[chat.lastClient()])
                        .text(chat.times[last])
                        .text(chat.kinds[last] == 'C' ? clientText(i, last) : managerText(i, last))
                        .text(chat.kinds[last] == 'C' ? "CLIENT" : "MANAGER")
                        .id(chat.unread)
                        .text(chat.unread > 0 ? "t" : "f")
                        .text(chat.name)
                        .text(chat.nickname)
                        .text(start)
                        .text(chat.times[chat.count - 1])
                        .end();
                for (int m = 0; m < chat.count; m++) {
                    Row row = messages.row()
                            .id(messageBase + 1 + idRank[(int) written++])
                            .id(conversationId)
                            .id(chat.channelId);
                    switch (chat.kinds[m]) {
                        case 'C' ->
                            row.text("CLIENT")
                                    .nul()
                                    .text(clientText(i, m))
                                    .nul()
                                    .nul()
                                    .text("g" + conversationId + "-" + m)
                                    .nul();
                        case 'M' ->
                            row.text("MANAGER")
                                    .id(chat.responsibleId)
                                    .text(managerText(i, m))
                                    .nul()
                                    .nul()
                                    .nul()
                                    .text("DELIVERED");
                        default ->
                            row.text("SYSTEM")
                                    .id(chat.responsibleId)
                                    .nul()
                                    .text("closed")
                                    .text("{\"" + chat.responsibleName + "\"}")
                                    .nul()
                                    .nul();
                    }
                    row.text(chat.times[m]).end();
                }
                plan.written += chat.count;
                if ((i + 1) % 100_000 == 0) {
                    log.info("Generated {} / {} conversations, {} messages", i + 1, plan.conversations, plan.written);
                }
            }
            for (Stream s : List.of(clients, identities, conversations, messages)) {
                s.finish();
            }
            return longChatId;
        }
    }

    private static String clientText(int chat, int m) {
        return MessageTexts.client(chat, m);
    }

    private static String managerText(int chat, int m) {
        return MessageTexts.manager(chat, m);
    }

    /**
     * For each message in the order {@link #load} writes them, the rank of its time among all
     * (ties in the order written, so a chat's own messages keep their order). Real ids follow
     * time; ids assigned chat by chat would put a year-old closed chat among the newest messages.
     */
    private static int[] idsInTimeOrder(Plan plan, Instant now) {
        long total = java.util.Arrays.stream(plan.counts).asLongStream().sum();
        if (total >= 1L << 28) {
            throw new IllegalArgumentException("Too many messages to order by time: " + total);
        }
        long oldest = now.getEpochSecond() - 2L * 366 * 24 * 3600;
        long[] keys = new long[(int) total];
        int n = 0;
        for (int i = 0; i < plan.conversations; i++) {
            for (long second : plan.chat(i, now).seconds) {
                keys[n] = ((second - oldest) << 28) | n;
                n++;
            }
        }
        java.util.Arrays.parallelSort(keys);
        int[] rank = new int[keys.length];
        for (int r = 0; r < keys.length; r++) {
            rank[(int) (keys[r] & ((1L << 28) - 1))] = r;
        }
        return rank;
    }

    private long maxId(String table) {
        return jdbc.sql("select coalesce(max(id), 0) from " + table)
                .query(Long.class)
                .single();
    }

    private static double seconds(long from, long to) {
        return Math.round((to - from) / 1e7) / 100.0;
    }

    /** The shape of the whole data set: message counts per chat, drawn up front so they add up exactly. */
    private static final class Plan {

        final int conversations;
        final int[] counts;
        final int longChatIndex;
        final List<Long> channelIds;
        final List<List<DataSet.Manager>> managersOfChannel = new ArrayList<>();
        final SplittableRandom random;
        long written;
        long loadedAt;
        long indexesAt;

        Plan(
                int conversations,
                long messages,
                List<Long> channelIds,
                List<DataSet.Manager> managers,
                SplittableRandom random) {
            this.conversations = conversations;
            this.channelIds = channelIds;
            this.random = random;
            for (Long channel : channelIds) {
                managersOfChannel.add(managers.stream()
                        .filter(m -> m.channelIds().contains(channel))
                        .toList());
            }
            counts = new int[conversations];
            longChatIndex = conversations - 1 - random.nextInt(Math.max(1, conversations / 100));
            long inLong = 0;
            for (int i = 0; i < conversations; i++) {
                if (i == longChatIndex) {
                    counts[i] = LONG_CHAT;
                } else if (random.nextInt(2000) == 0) {
                    counts[i] = 1000 + random.nextInt(4000);
                } else {
                    continue;
                }
                inLong += counts[i];
            }
            long shortChats = conversations
                    - java.util.Arrays.stream(counts).filter(c -> c > 0).count();
            double mean = Math.max(1, (double) (messages - inLong) / Math.max(1, shortChats));
            long total = inLong;
            for (int i = 0; i < conversations; i++) {
                if (counts[i] == 0) {
                    // Exponential with the remaining mean: most chats a handful of messages, some dozens.
                    counts[i] = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * (mean - 1));
                    total += counts[i];
                }
            }
            // Nudge short chats until the total is exact.
            while (total != messages && shortChats > 0) {
                int i = random.nextInt(conversations);
                if (i == longChatIndex || counts[i] >= 1000) {
                    continue;
                }
                if (total < messages) {
                    counts[i]++;
                    total++;
                } else if (counts[i] > 1) {
                    counts[i]--;
                    total--;
                }
            }
        }

        /** One conversation: channel, client, the kind and time of every message, and the counters. */
        Chat chat(int i, Instant now) {
            var chat = new Chat();
            chat.count = counts[i];
            int channel = random.nextInt(channelIds.size());
            chat.channelId = channelIds.get(channel);
            int first = random.nextInt(FIRST.length);
            chat.name = FIRST[first] + " " + LAST[random.nextInt(LAST.length)];
            if (i == longChatIndex) {
                chat.nickname = LONG_CHAT_NICKNAME;
            } else if (random.nextInt(10) < 7) {
                chat.nickname = FIRST_LATIN[first]
                        + (random.nextBoolean() ? "_" : ".")
                        + Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36), 36)
                        + i % 97;
            }
            // Open chats are the recent ones: a few days old at most; closed ones spread over a year.
            chat.open = i == longChatIndex || random.nextInt(20) == 0;
            long ageSeconds =
                    chat.open ? 60 + random.nextLong(5L * 24 * 3600) : 3600 + random.nextLong(365L * 24 * 3600);
            Instant start = now.minusSeconds(ageSeconds);
            // Unanswered ends: most open chats wait for an answer, few closed ones.
            boolean waiting = chat.count == 1 || random.nextInt(100) < (chat.open ? 60 : 10);
            chat.kinds = kinds(chat.count, waiting, !chat.open);
            chat.times = new String[chat.count];
            chat.seconds = new long[chat.count];
            long step = Math.max(1, ageSeconds * 8 / 10 / chat.count);
            for (int m = 0; m < chat.count; m++) {
                Instant at = start.plusSeconds(m * step + random.nextLong(step));
                chat.times[m] = at.toString();
                chat.seconds[m] = at.getEpochSecond();
            }
            boolean replied = false;
            for (char k : chat.kinds) {
                replied |= k == 'M';
            }
            if (replied) {
                List<DataSet.Manager> candidates = managersOfChannel.get(channel);
                DataSet.Manager responsible = candidates.get(random.nextInt(candidates.size()));
                chat.responsibleId = responsible.id();
                chat.responsibleName = responsible.fullName();
            } else {
                // Only a manager's reply makes someone responsible; no reply, no closing note either.
                for (int m = 0; m < chat.count; m++) {
                    chat.kinds[m] = 'C';
                }
            }
            int trailing = 0;
            for (int m = chat.lastTalk(); m >= 0 && chat.kinds[m] == 'C'; m--) {
                trailing++;
            }
            chat.unread = trailing;
            return chat;
        }

        /**
         * C client, M manager, S system ("closed", the last message of a closed chat that was
         * answered). Turns alternate in runs of one to three; a waiting chat ends with the client.
         */
        char[] kinds(int count, boolean waiting, boolean closed) {
            char[] kinds = new char[count];
            int talk = closed && count > 2 ? count - 1 : count;
            if (talk < count) {
                kinds[count - 1] = 'S';
            }
            char who = 'C';
            int m = 0;
            while (m < talk) {
                int run = 1 + random.nextInt(who == 'C' ? 3 : 2);
                for (int r = 0; r < run && m < talk; r++) {
                    kinds[m++] = who;
                }
                who = who == 'C' ? 'M' : 'C';
            }
            kinds[talk - 1] = waiting ? 'C' : (talk > 1 ? 'M' : 'C');
            return kinds;
        }
    }

    private static final class Chat {
        int count;
        long channelId;
        String name;
        String nickname;
        boolean open;
        char[] kinds;
        String[] times;
        long[] seconds;
        Long responsibleId;
        String responsibleName;
        int unread;

        /** The last client or manager message (a closing system message may follow it). */
        int lastTalk() {
            return kinds[count - 1] == 'S' ? count - 2 : count - 1;
        }

        int lastClient() {
            int m = lastTalk();
            while (m > 0 && kinds[m] != 'C') {
                m--;
            }
            return m;
        }
    }

    /**
     * One COPY into one table on a connection of its own. Into an empty table the rows are
     * frozen: the table is truncated in the same transaction, which COPY FREEZE requires.
     */
    private final class Stream implements AutoCloseable {

        private final Connection connection;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
        private final Row row = new Row(buffer);
        private boolean finished;

        Stream(boolean freeze, String table, String columns) throws SQLException {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            if (freeze) {
                try (Statement st = connection.createStatement()) {
                    st.execute("truncate " + table);
                }
            }
            copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin" + (freeze ? " with (freeze)" : ""));
        }

        Row row() throws SQLException {
            if (buffer.length() > FLUSH_BYTES) {
                flush();
            }
            row.first = true;
            return row;
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        void finish() throws SQLException {
            flush();
            copy.endCopy();
            connection.commit();
            finished = true;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!finished) {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                    connection.rollback();
                }
            } finally {
                connection.setAutoCommit(true);
                connection.close();
            }
        }
    }

    /** Writes one COPY text-format row: tab-separated, \N for null, newline at the end. */
    private static final class Row {
        private final StringBuilder out;
        private boolean first;

        Row(StringBuilder out) {
            this.out = out;
        }

        private void separator() {
            if (!first) {
                out.append('\t');
            }
            first = false;
        }

        Row id(Long value) {
            separator();
            if (value == null) {
                out.append("\\N");
            } else {
                out.append(value.longValue());
            }
            return this;
        }

        Row id(long value) {
            separator();
            out.append(value);
            return this;
        }

        /** Text without tabs, newlines or backslashes (all generated text is). */
        Row text(String value) {
            separator();
            out.append(value == null ? "\\N" : value);
            return this;
        }

        Row nul() {
            separator();
            out.append("\\N");
            return this;
        }

        void end() {
            out.append('\n');
        }
    }
}
