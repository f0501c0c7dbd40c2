package ocm.bench;

/** Which UDP protocol the simulated members speak; the TCRP payload differs too (seed string vs object). */
enum ProtocolVersion {
    V1(1), V2(2);

    private final int number;

    ProtocolVersion(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    String label() {
        return "v" + number;
    }
}
