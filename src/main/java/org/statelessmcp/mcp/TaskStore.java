package org.statelessmcp.mcp;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.statelessmcp.cluster.SharedStrings;

/**
 * The tasks in the distributed cache (or in this instance's memory without one), each under its id. Every change
 * reads the task, computes the next version and replaces the value only if nobody changed it meanwhile, so that the
 * instance running a task and the instances serving its client's {@code tasks/update} and {@code tasks/cancel} never
 * lose each other's writes.
 */
final class TaskStore {

    /** Writers of one task are its runner and its client's requests: a handful of retries is plenty. */
    private static final int ATTEMPTS = 32;

    private final SharedStrings tasks;
    private final boolean shared;

    /** @param shared whether every instance of the cluster sees these tasks */
    TaskStore(SharedStrings tasks, boolean shared) {
        this.tasks = tasks;
        this.shared = shared;
    }

    boolean shared() {
        return shared;
    }

    /** Stores a new task; when this returns, {@code tasks/get} finds it on any instance. */
    void create(TaskRecord task) {
        tasks.put(task.id(), task.toJson());
    }

    /** The task under {@code id}, or {@code null}. */
    TaskRecord find(String id) {
        String stored = tasks.getAll(Set.of(id)).get(id);
        return stored == null ? null : TaskRecord.parse(stored);
    }

    /** The tasks present among {@code ids}, by id: one round trip to the cache for all of them. */
    Map<String, TaskRecord> findAll(Set<String> ids) {
        Map<String, TaskRecord> found = new HashMap<>();
        tasks.getAll(ids).forEach((id, stored) -> found.put(id, TaskRecord.parse(stored)));
        return found;
    }

    /**
     * Applies {@code change} to the task under {@code id} atomically; {@code change} may return its argument to leave
     * the task as it is.
     *
     * @return the task as changed, or {@code null} when there is no such task
     */
    TaskRecord update(String id, UnaryOperator<TaskRecord> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String stored = tasks.getAll(Set.of(id)).get(id);
            if (stored == null) {
                return null;
            }
            TaskRecord current = TaskRecord.parse(stored);
            TaskRecord next = change.apply(current);
            if (next == current || tasks.replace(id, stored, next.toJson())) {
                return next;
            }
        }
        throw new IllegalStateException("task " + id + " kept changing under " + ATTEMPTS + " attempts to update it");
    }

    void remove(String id) {
        tasks.remove(id);
    }
}
