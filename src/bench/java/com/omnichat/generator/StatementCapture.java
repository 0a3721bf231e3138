package com.omnichat.generator;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Records the statements the application prepares on this thread while {@link #single} runs, with
 * their parameters, so the benchmark's floor ({@code EXPLAIN ANALYZE}) is the service's own statement
 * rather than a copy that could drift from it. Outside a recording the application's connections are
 * handed out untouched (one thread-local read per connection).
 */
@Component
class StatementCapture implements BeanPostProcessor {

    private static final ThreadLocal<@Nullable List<Captured>> RECORDING = new ThreadLocal<>();

    /** A prepared statement as the application sent it: the SQL and the setter calls that bound its parameters. */
    record Captured(String sql, List<Binding> bindings) {

        /** Binds the same values, with the same setters, to a statement of the benchmark's own. */
        void bind(PreparedStatement statement) throws SQLException {
            for (Binding binding : bindings) {
                try {
                    binding.setter().invoke(statement, binding.args());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException sql) {
                        throw sql;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    record Binding(Method setter, @Nullable Object[] args) {}

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Recording)) {
            return new Recording(dataSource);
        }
        return bean;
    }

    /**
     * Runs the call and returns the one statement it prepared whose SQL matches; fails when there is
     * none or more than one, so a change in the service cannot silently measure something else.
     */
    static Captured single(String what, Predicate<String> sql, Runnable call) {
        List<Captured> matching = all(what, sql, call);
        if (matching.size() != 1) {
            throw new IllegalStateException(
                    "Expected the service to send one " + what + " statement, it sent " + matching.size());
        }
        return matching.getFirst();
    }

    /** Like {@link #single}, for a call that sends one or more such statements (in the order sent). */
    static List<Captured> all(String what, Predicate<String> sql, Runnable call) {
        List<Captured> captured = new ArrayList<>();
        RECORDING.set(captured);
        try {
            call.run();
        } finally {
            RECORDING.remove();
        }
        List<Captured> matching = captured.stream()
                .filter(c -> sql.test(c.sql().toLowerCase(Locale.ROOT)))
                .toList();
        if (matching.isEmpty()) {
            throw new IllegalStateException("Expected the service to send a " + what + " statement, it sent none: "
                    + captured.stream().map(Captured::sql).toList());
        }
        return matching;
    }

    private static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recorded(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recorded(super.getConnection(username, password));
        }

        private static Connection recorded(Connection connection) {
            List<Captured> captured = RECORDING.get();
            if (captured == null) {
                return connection;
            }
            return proxy(Connection.class, connection, (target, method, args) -> {
                Object result = invoke(target, method, args);
                if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
                    List<Binding> bindings = new ArrayList<>();
                    captured.add(new Captured(sql, bindings));
                    return proxy(PreparedStatement.class, statement, (st, m, a) -> {
                        if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                            bindings.add(new Binding(m, a.clone()));
                        } else if (m.getName().equals("clearParameters")) {
                            bindings.clear();
                        }
                        return invoke(st, m, a);
                    });
                }
                return result;
            });
        }
    }

    private interface Handler<T> {
        @Nullable
        Object handle(T target, Method method, @Nullable Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
