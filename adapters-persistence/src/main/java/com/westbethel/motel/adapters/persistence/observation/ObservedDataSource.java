package com.westbethel.motel.adapters.persistence.observation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
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
 * The connection pool seen through a span per SQL statement of a sampled trace: a client span named for the statement's
 * verb ({@code SELECT}, {@code INSERT}...), child of the current span, carrying the statement's text (placeholders, never
 * values). A statement gets one only when there is a current span and it is sampled: the 9 requests in 10 that are not
 * sampled, migrations and pool housekeeping pay a look-up of the current span and nothing else. There is no timer per
 * statement: the pool's metrics ({@code hikaricp_connections_usage}, {@code _acquire}) and the request's and use case's
 * timers say how long the database takes; the span says which statement. Boot's pool metrics and health still reach the
 * pool underneath ({@link DelegatingDataSource}, {@code unwrap}).
 */
public final class ObservedDataSource extends DelegatingDataSource {

    private static final int LONGEST_STATEMENT_TAG = 500;
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");

    private final Supplier<Tracer> tracer;

    /** @param tracer looked up at the first statement, not at wiring: the tracer's own beans may need the data source */
    public ObservedDataSource(DataSource pool, Supplier<Tracer> tracer) {
        super(pool);
        this.tracer = tracer;
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

    /**
     * What a proxy answers itself rather than its target: equality and hash by the proxy's identity (the target would
     * compare itself with the proxy and answer false), and {@code getConnection} of a statement, which is the observed
     * connection, so SQL run through it is observed too. {@code null} for anything else.
     */
    private static Object own(Object proxy, Method method, Object[] arguments, Connection connection) {
        return switch (method.getName()) {
            case "equals" -> method.getParameterCount() == 1 ? proxy == arguments[0] : null;
            case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy) : null;
            case "getConnection" -> method.getParameterCount() == 0 ? connection : null;
            default -> null;
        };
    }

    private final class ConnectionHandler implements InvocationHandler {

        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            Object own = own(proxy, method, arguments, null);
            if (own != null) {
                return own;
            }
            Object result = call(connection, method, arguments);
            return switch (method.getName()) {
                case "prepareStatement" -> statement(PreparedStatement.class, result, (String) arguments[0], (Connection) proxy);
                case "prepareCall" -> statement(CallableStatement.class, result, (String) arguments[0], (Connection) proxy);
                case "createStatement" -> statement(Statement.class, result, null, (Connection) proxy);
                default -> result;
            };
        }

        private Object statement(Class<? extends Statement> type, Object statement, String sql, Connection observedConnection) {
            return Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] {type},
                    new StatementHandler((Statement) statement, sql, observedConnection));
        }
    }

    private final class StatementHandler implements InvocationHandler {

        private final Statement statement;
        private final String preparedSql;
        private final Connection connection;

        StatementHandler(Statement statement, String preparedSql, Connection connection) {
            this.statement = statement;
            this.preparedSql = preparedSql;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            Object own = own(proxy, method, arguments, connection);
            if (own != null) {
                return own;
            }
            if (!EXECUTIONS.contains(method.getName())) {
                return call(statement, method, arguments);
            }
            Tracer tracing = tracer.get();
            Span current = tracing.currentSpan();
            if (current == null || !Boolean.TRUE.equals(current.context().sampled())) {
                return call(statement, method, arguments);
            }
            String sql = preparedSql != null ? preparedSql : arguments != null && arguments.length > 0 && arguments[0] instanceof String text ? text : "";
            String verb = verb(sql);
            Span span = tracing.spanBuilder().setParent(current.context()).name(verb).kind(Span.Kind.CLIENT)
                    .tag("db.system", "postgresql")
                    .tag("db.operation", verb)
                    .tag("db.statement", sql.length() > LONGEST_STATEMENT_TAG ? sql.substring(0, LONGEST_STATEMENT_TAG) : sql)
                    .start();
            try {
                return call(statement, method, arguments);
            } catch (Throwable failure) {
                span.error(failure);
                throw failure;
            } finally {
                span.end();
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
