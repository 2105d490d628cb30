package dev.tribune;

/** Entry point. */
public final class Tribune {
    public static void main(String[] args) {
        System.err.println("tribune");
    }
}
