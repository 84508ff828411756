package com.westbethel.motel.adapters.persistence.operations;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Heap headroom: {@link OperationalHealth#DEGRADED} when more than {@code maxUsedFraction} of the heap is in use. Judged on
 * the long-lived pool (G1's old generation) as the last collection left it, as Micrometer's {@code jvm.memory.usage.after.gc}
 * is: between collections the heap fills with garbage by design, and a reading just before one would cry wolf. Before the
 * first collection, or on a collector without such a pool, on the whole heap as it stands. A process this full spends its
 * time collecting and is one traffic spike from running out of memory.
 */
public class MemoryHeadroomHealthIndicator extends AbstractHealthIndicator {

    private final double maxUsedFraction;
    private final Optional<MemoryPoolMXBean> longLived;

    public MemoryHeadroomHealthIndicator(double maxUsedFraction) {
        super("The heap's usage could not be read");
        if (!(maxUsedFraction > 0 && maxUsedFraction <= 1)) {
            throw new IllegalArgumentException("the heap's threshold is a fraction above 0 and at most 1, not " + maxUsedFraction);
        }
        this.maxUsedFraction = maxUsedFraction;
        this.longLived = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && isLongLived(pool.getName()))
                .findFirst();
    }

    private static boolean isLongLived(String pool) {
        return pool.endsWith("Old Gen") || pool.endsWith("Tenured Gen") || pool.equals("Shenandoah") || pool.equals("ZHeap");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long heapMax = heap.getMax() > 0 ? heap.getMax() : Runtime.getRuntime().maxMemory();
        Optional<MemoryUsage> afterCollection = longLived.map(MemoryPoolMXBean::getCollectionUsage)
                .filter(usage -> usage.getUsed() > 0 && usage.getMax() > 0);
        double fraction = afterCollection.map(usage -> (double) usage.getUsed() / usage.getMax())
                .orElse((double) heap.getUsed() / heapMax);
        builder.status(fraction > maxUsedFraction ? OperationalHealth.DEGRADED : Status.UP)
                .withDetail("heapUsed", heap.getUsed())
                .withDetail("heapMax", heapMax)
                .withDetail("judgedOn", afterCollection.isPresent() ? longLived.get().getName() + " after the last collection" : "the whole heap")
                .withDetail("usedFraction", Math.round(fraction * 1000) / 1000.0)
                .withDetail("maxUsedFraction", maxUsedFraction);
    }
}
