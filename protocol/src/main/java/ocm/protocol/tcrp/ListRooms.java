package ocm.protocol.tcrp;

/** Ask for the rooms on the server (operation 3, an OCM addition). */
public record ListRooms() implements TcrpRequest {
    @Override
    public Operation operation() {
        return Operation.LIST_ROOMS;
    }
}
