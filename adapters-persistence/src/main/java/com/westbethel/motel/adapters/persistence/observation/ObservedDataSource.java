package com.westbethel.motel.adapters.persistence.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool seen through an observation per SQL statement: a span named for the statement's verb
 * ({@code SELECT}, {@code INSERT}...), carrying the statement's text (placeholders, never values), and a {@code motel.sql}
 * timer by verb. Only a statement run inside another observation (a request, a use case, a scheduled job) is observed, so
 * migrations and pool housekeeping at start make no root spans; otherwise the cost is one look-up of the current
 * observation. Boot's pool metrics and health still reach the pool underneath ({@link DelegatingDataSource}).
 */
public final class ObservedDataSource extends DelegatingDataSource {

    static final String NAME = "motel.sql";
    private static final int LONGEST_STATEMENT_TAG = 500;
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");

    private final Supplier<ObservationRegistry> registry;

    public ObservedDataSource(DataSource pool, Supplier<ObservationRegistry> registry) {
        super(pool);
        this.registry = registry;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return observed(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return observed(super.getConnection(username, password));
    }

    private Connection observed(Connection connection) {
        return (Connection) Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(connection));
    }

    private final class ConnectionHandler implements InvocationHandler {

        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            Object result = call(connection, method, arguments);
            return switch (method.getName()) {
                case "prepareStatement" -> statement(PreparedStatement.class, result, (String) arguments[0]);
                case "prepareCall" -> statement(CallableStatement.class, result, (String) arguments[0]);
                case "createStatement" -> statement(Statement.class, result, null);
                default -> result;
            };
        }

        private Object statement(Class<? extends Statement> type, Object statement, String sql) {
            return Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] {type},
                    new StatementHandler((Statement) statement, sql));
        }
    }

    private final class StatementHandler implements InvocationHandler {

        private final Statement statement;
        private final String preparedSql;

        StatementHandler(Statement statement, String preparedSql) {
            this.statement = statement;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            ObservationRegistry observations = registry.get();
            if (!EXECUTIONS.contains(method.getName()) || observations.getCurrentObservation() == null) {
                return call(statement, method, arguments);
            }
            String sql = preparedSql != null ? preparedSql : arguments != null && arguments.length > 0 && arguments[0] instanceof String text ? text : "";
            String verb = verb(sql);
            Observation observation = Observation.createNotStarted(NAME, observations)
                    .contextualName(verb)
                    .lowCardinalityKeyValue("db.operation", verb)
                    .highCardinalityKeyValue("db.statement", sql.length() > LONGEST_STATEMENT_TAG ? sql.substring(0, LONGEST_STATEMENT_TAG) : sql)
                    .start();
            try {
                return call(statement, method, arguments);
            } catch (Throwable failure) {
                observation.error(failure);
                throw failure;
            } finally {
                observation.stop();
            }
        }
    }

    /** The statement's first word, upper case: SELECT, INSERT, UPDATE, DELETE, WITH... ({@code SQL} when there is none). */
    static String verb(String sql) {
        int start = 0;
        while (start < sql.length() && !Character.isLetter(sql.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return end == start ? "SQL" : sql.substring(start, end).toUpperCase(Locale.ROOT);
    }

    private static Object call(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }
}
