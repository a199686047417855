/*
 * EpubCheckBatch - runs EPUBCheck on many files in one Java VM, so a test
 * run pays for the VM's start once rather than once per book:
 *
 *   java -cp /usr/share/java/epubcheck.jar EpubCheckBatch.java FILE...
 *
 * Each file is checked as the epubcheck command would, with warnings
 * counted as failures. Prints EPUBCheck's messages, then "OK file" or
 * "FAIL file" per file; exits 1 if any failed.
 */
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckBatch {
	public static void main(String[] args) {
		int failed = 0;
		for (String f : args) {
			int rc = new EpubChecker().run(new String[] { f, "--failonwarnings", "-q" });
			System.out.println((rc == 0 ? "OK " : "FAIL ") + f);
			if (rc != 0)
				failed++;
		}
		System.exit(failed == 0 ? 0 : 1);
	}
}
