package com.omnichat.generator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --omnichat.generate.conversations=N [--omnichat.generate.messages=M]}: fills the
 * database with generated inbox data only (no measuring), then exits unless told to stay
 * ({@code --omnichat.generate.exit=false}, e.g. to look at the data in the UI).
 */
@Component
@ConditionalOnProperty(name = "omnichat.generate.conversations")
class GenerateCommand implements ApplicationRunner {

    private final InboxDataGenerator generator;
    private final ConfigurableApplicationContext context;
    private final int conversations;
    private final long messages;
    private final boolean exit;

    GenerateCommand(
            InboxDataGenerator generator,
            ConfigurableApplicationContext context,
            @Value("${omnichat.generate.conversations}") int conversations,
            @Value("${omnichat.generate.messages:0}") long messages,
            @Value("${omnichat.generate.exit:true}") boolean exit) {
        this.generator = generator;
        this.context = context;
        this.conversations = conversations;
        this.messages = messages > 0 ? messages : conversations * 10L;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        generator.generate(conversations, Math.max(messages, conversations + InboxDataGenerator.LONG_CHAT));
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
