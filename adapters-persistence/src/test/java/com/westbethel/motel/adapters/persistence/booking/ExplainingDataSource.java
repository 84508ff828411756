package com.westbethel.motel.adapters.persistence.booking;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that asks PostgreSQL for the plan of every statement an adapter runs through it, just before the
 * statement runs: {@code EXPLAIN (FORMAT JSON)} of the very same SQL with the very same parameters (the setters the
 * adapter called are replayed onto the EXPLAIN). So a plan test exercises the adapters' own queries, not copies of
 * them that could drift.
 */
final class ExplainingDataSource extends DelegatingDataSource {

    /** A statement an adapter ran and the plan PostgreSQL chose for it. */
    record Plan(String sql, String json) {
    }

    private final List<Plan> plans = new CopyOnWriteArrayList<>();

    ExplainingDataSource(DataSource target) {
        super(target);
    }

    /** The plans of the statements {@code action} ran, in order. */
    List<Plan> plansOf(Runnable action) {
        plans.clear();
        action.run();
        return List.copyOf(plans);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = super.getConnection();
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = call(real, method, args);
            return method.getName().equals("prepareStatement") ? explaining(real, (String) args[0], (PreparedStatement) result) : result;
        });
    }

    private PreparedStatement explaining(Connection connection, String sql, PreparedStatement real) {
        List<Object[]> parameters = new ArrayList<>();
        List<Method> setters = new ArrayList<>();
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                setters.add(method);
                parameters.add(args);
            } else if (method.getName().startsWith("execute") && explainable(sql)) {
                plans.add(new Plan(sql, explain(connection, sql, setters, parameters)));
            }
            return call(real, method, args);
        });
    }

    private static boolean explainable(String sql) {
        String verb = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return List.of("SELECT", "WITH", "INSERT", "UPDATE", "DELETE").contains(verb);
    }

    private static String explain(Connection connection, String sql, List<Method> setters, List<Object[]> parameters) throws Exception {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            for (int i = 0; i < setters.size(); i++) {
                setters.get(i).invoke(explain, parameters.get(i));
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(ExplainingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
