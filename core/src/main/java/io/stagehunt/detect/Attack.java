package io.stagehunt.detect;

import java.util.Map;

/** The MITRE ATT&CK techniques stagehunt reports, with their names and tactics as ATT&CK publishes them. */
public final class Attack {

    /** A technique's name and its tactic's id and name. */
    public record Technique(String id, String name, String tacticId, String tacticName) {
    }

    private static final String C2 = "TA0011";
    private static final String C2_NAME = "Command and Control";

    private static final Map<String, Technique> KNOWN = Map.ofEntries(
            entry("T1104", "Multi-Stage Channels", C2, C2_NAME),
            entry("T1071", "Application Layer Protocol", C2, C2_NAME),
            entry("T1071.001", "Application Layer Protocol: Web Protocols", C2, C2_NAME),
            entry("T1071.004", "Application Layer Protocol: DNS", C2, C2_NAME),
            entry("T1090", "Proxy", C2, C2_NAME),
            entry("T1095", "Non-Application Layer Protocol", C2, C2_NAME),
            entry("T1105", "Ingress Tool Transfer", C2, C2_NAME),
            entry("T1568", "Dynamic Resolution", C2, C2_NAME),
            entry("T1568.002", "Dynamic Resolution: Domain Generation Algorithms", C2, C2_NAME),
            entry("T1571", "Non-Standard Port", C2, C2_NAME),
            entry("T1572", "Protocol Tunneling", C2, C2_NAME),
            entry("T1573", "Encrypted Channel", C2, C2_NAME),
            entry("T1041", "Exfiltration Over C2 Channel", "TA0010", "Exfiltration"),
            entry("T1048", "Exfiltration Over Alternative Protocol", "TA0010", "Exfiltration"),
            entry("T1030", "Data Transfer Size Limits", "TA0010", "Exfiltration"),
            entry("T1046", "Network Service Discovery", "TA0007", "Discovery"),
            entry("T1059.001", "Command and Scripting Interpreter: PowerShell", "TA0002", "Execution"),
            entry("T1059.003", "Command and Scripting Interpreter: Windows Command Shell", "TA0002", "Execution"),
            entry("T1053.005", "Scheduled Task/Job: Scheduled Task", "TA0003", "Persistence"),
            entry("T1543.003", "Create or Modify System Process: Windows Service", "TA0003", "Persistence"),
            entry("T1547.001", "Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder", "TA0003",
                    "Persistence"),
            entry("T1078", "Valid Accounts", "TA0001", "Initial Access"));

    private Attack() {
    }

    private static Map.Entry<String, Technique> entry(String id, String name, String tacticId, String tacticName) {
        return Map.entry(id, new Technique(id, name, tacticId, tacticName));
    }

    /** The technique with this id; unknown ids get the id as name and the C2 tactic. */
    public static Technique technique(String id) {
        Technique known = KNOWN.get(id);
        return known != null ? known : new Technique(id, id, C2, C2_NAME);
    }
}
