package io.osbaseline.provider;

/**
 * The machine cannot be assessed by design, for example because it is deallocated or not managed by the service the
 * provider reads. A fleet scan reports it as NOT_APPLICABLE with this message.
 */
public class MachineNotApplicableException extends SnapshotException {
    private static final long serialVersionUID = 1L;

    public MachineNotApplicableException(String message) {
        super(message);
    }
}
