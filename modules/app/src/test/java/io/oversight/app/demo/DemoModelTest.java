package io.oversight.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DemoModelTest {

    @Test
    void callsTheServerOnLocalhostWhenItListensOnEveryInterface() {
        assertEquals("localhost", DemoModel.hostToCall("*"));
        assertEquals("localhost", DemoModel.hostToCall("0.0.0.0"));
        assertEquals("localhost", DemoModel.hostToCall("::"));
    }

    @Test
    void callsTheServerOnTheOneInterfaceItIsBoundTo() {
        assertEquals("10.1.2.3", DemoModel.hostToCall("10.1.2.3"));
        assertEquals("oversight.internal", DemoModel.hostToCall("oversight.internal"));
        assertEquals("[fd00::5]", DemoModel.hostToCall("fd00::5"));
    }
}
