package org.creditledger.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Axon's {@link DbSchedulerDeadlineManager} (persistent deadlines in db-scheduler's {@code scheduled_tasks}), except
 * that the deadlines scheduled within one unit of work are inserted together: one {@code scheduleBatch} when the root
 * unit of work prepares its commit, in the same transaction as the events. Axon's manager inserts each deadline with
 * its own statements, which took half the time of a bulk import where every other commitment has a due date.
 * The stored tasks are the ones Axon writes (same task name, binary details, serializer), so Axon's task executes
 * them and {@code cancelSchedule} finds them. A nested unit of work that rolls back drops its deadlines.
 */
public class BatchingDeadlineManager extends DbSchedulerDeadlineManager {

    /** Axon's task name ({@code DbSchedulerDeadlineToken.TASK_NAME}, package-private there). */
    static final String AXON_DEADLINE_TASK = "AxonDeadline";
    private static final TaskDescriptor<DbSchedulerBinaryDeadlineDetails> DEADLINE_TASK =
            TaskDescriptor.of(AXON_DEADLINE_TASK, DbSchedulerBinaryDeadlineDetails.class);

    private final Scheduler scheduler;
    private final Serializer serializer;
    private final String pendingKey = BatchingDeadlineManager.class.getName() + "@" + System.identityHashCode(this);

    public BatchingDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer) {
        super(builder.scheduler(scheduler).serializer(serializer));
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor deadlineScope) {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().root().phase() != UnitOfWork.Phase.STARTED) {
            return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        }
        String id = IdentifierFactory.getInstance().generateIdentifier();
        DeadlineMessage<Object> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        // Serialised at flush time, as Axon does: a new aggregate's scope knows its identifier only after creation.
        Pending task = new Pending(id, deadlineName, deadlineScope, message, triggerDateTime);
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        List<Pending> pending = pendingIn(current.root());
        if (current.isRoot()) {
            pending.add(task);
        } else {
            current.onPrepareCommit(u -> pending.add(task));
        }
        return id;
    }

    private record Pending(String id, String deadlineName, ScopeDescriptor scope, DeadlineMessage<?> message, Instant trigger) {
    }

    private List<Pending> pendingIn(UnitOfWork<?> root) {
        return root.getOrComputeResource(pendingKey, key -> {
            List<Pending> pending = new ArrayList<>();
            root.onPrepareCommit(u -> {
                if (!pending.isEmpty()) {
                    scheduler.scheduleBatch(pending.stream().<SchedulableInstance<?>>map(this::task).toList());
                }
            });
            return pending;
        });
    }

    private SchedulableInstance<DbSchedulerBinaryDeadlineDetails> task(Pending pending) {
        return DEADLINE_TASK.instance(pending.id())
                .data(details(pending.deadlineName(), pending.scope(), pending.message()))
                .scheduledTo(pending.trigger());
    }

    /** What Axon's {@code DbSchedulerBinaryDeadlineDetails.serialized} does (package-private there). */
    private DbSchedulerBinaryDeadlineDetails details(String deadlineName, ScopeDescriptor scope, DeadlineMessage<?> message) {
        SerializedObject<byte[]> descriptor = serializer.serialize(scope, byte[].class);
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
        return new DbSchedulerBinaryDeadlineDetails(deadlineName, descriptor.getData(), descriptor.getType().getName(),
                payload.getData(), payload.getType().getName(), payload.getType().getRevision(), metaData.getData());
    }
}
