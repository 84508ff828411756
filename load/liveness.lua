-- GET of the URL given (the actuator's /actuator/health/liveness): what the same JVM serves with no work behind it,
-- the baseline the other scenarios are a ratio of.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
