package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Demo logins have a public password: only when asked for, and never quietly. */
class DemoUsersTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(StaffUserRepository.class, () -> mock(StaffUserRepository.class))
            .withBean(PasswordEncoder.class, () -> mock(PasswordEncoder.class))
            .withUserConfiguration(DemoUsers.class);

    @Test
    void noDemoUsersUnlessDemoDataIsAskedFor() {
        context.run(c -> assertThat(c).doesNotHaveBean(DemoUsers.class));
        context.withPropertyValues("omnichat.demo-data=false")
                .run(c -> assertThat(c).doesNotHaveBean(DemoUsers.class));
        context.withPropertyValues("omnichat.demo-data=true")
                .run(c -> assertThat(c).hasSingleBean(DemoUsers.class));
    }

    @Test
    void demoUsersAreAnnouncedWithALoudWarning() {
        StaffUserRepository users = mock(StaffUserRepository.class);
        when(users.save(any())).thenAnswer(call -> call.getArgument(0));
        PasswordEncoder encoder = mock(PasswordEncoder.class);
        when(encoder.encode(any())).thenReturn("{noop}x");
        Logger logger = (Logger) LoggerFactory.getLogger(DemoUsers.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            new DemoUsers(users, encoder).run(new DefaultApplicationArguments());
        } finally {
            logger.detachAppender(logs);
        }

        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .contains("PUBLIC")
                    .contains(DemoUsers.PASSWORD)
                    .contains("admin");
        });
    }
}
