package com.westbethel.motel.system;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own scratch database with the packaged API running on it: created and started before the class's tests,
 * stopped and dropped after them. Register it as a static {@code @RegisterExtension} field.
 */
final class ApiOnScratchDatabase implements BeforeAllCallback, AfterAllCallback {

    private final String databasePrefix;
    private final String apiName;
    private final Function<ScratchDatabase, List<String>> apiArguments;
    private ScratchDatabase database;
    private RunningApp api;

    /** {@code apiArguments}: the API's command-line arguments for the database just created. */
    ApiOnScratchDatabase(String databasePrefix, String apiName, Function<ScratchDatabase, List<String>> apiArguments) {
        this.databasePrefix = databasePrefix;
        this.apiName = apiName;
        this.apiArguments = apiArguments;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = ScratchDatabase.create(databasePrefix);
        api = RunningApp.start(apiName, "motel.api.jar", apiArguments.apply(database));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (api != null) {
            api.close();
        }
        if (database != null) {
            database.close();
        }
    }

    ScratchDatabase database() {
        return database;
    }

    RunningApp api() {
        return api;
    }
}
