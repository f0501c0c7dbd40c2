package ocm.protocol.tcrp;

/** What a client asks over TCP. */
public sealed interface TcrpRequest permits CreateRoom, JoinRoom, ListRooms {
    Operation operation();
}
