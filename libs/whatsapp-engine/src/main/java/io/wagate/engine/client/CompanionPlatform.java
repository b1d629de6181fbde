package io.wagate.engine.client;

/**
 * How this companion presents itself to the phone: the platform id in the QR string, the display string of the
 * pairing-code request (the server rejects unknown ones with 400) and the DeviceProps platform type.
 */
public enum CompanionPlatform {
    CHROME("1", "Chrome", 1),
    EDGE("2", "Edge", 6),
    FIREFOX("3", "Firefox", 2),
    SAFARI("6", "Safari", 5);

    private final String qrPlatformId;
    private final String browserName;
    private final int devicePropsType;

    CompanionPlatform(String qrPlatformId, String browserName, int devicePropsType) {
        this.qrPlatformId = qrPlatformId;
        this.browserName = browserName;
        this.devicePropsType = devicePropsType;
    }

    public String qrPlatformId() {
        return qrPlatformId;
    }

    /** e.g. {@code "Chrome (Mac OS)"}; the pairing-code request must carry one the server knows. */
    public String pairingDisplay() {
        return browserName + " (Mac OS)";
    }

    public int devicePropsType() {
        return devicePropsType;
    }
}
