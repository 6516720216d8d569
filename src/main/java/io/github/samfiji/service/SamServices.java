package io.github.samfiji.service;

import ij.IJ;

import org.scijava.Context;

/**
 * How code without a SciJava context reaches the {@link SamService}: ImageJ 1 plugins, the SAM tool and the command
 * line. In Fiji (where the ImageJ legacy layer hands ImageJ 1 code the application's context) it is the context's
 * service, so SciJava commands and ImageJ 1 plugins share models, caches and tool sessions; elsewhere one
 * context-free instance, made on first use and disposed when the JVM exits.
 */
public final class SamServices {

	private static final String LEGACY_SERVICE = "net.imagej.legacy.LegacyService";
	private static SamService standalone;

	private SamServices() {}

	/** The service of Fiji's context when there is one, else the context-free instance. */
	public static SamService current() {
		SamService fiji = fromFiji();
		return fiji != null ? fiji : standalone();
	}

	private static synchronized SamService standalone() {
		if (standalone == null) {
			DefaultSamService s = new DefaultSamService();
			Runtime.getRuntime().addShutdownHook(new Thread(s::dispose, "SAM: close models"));
			standalone = s;
		}
		return standalone;
	}

	/**
	 * Fiji's service: only where the ImageJ legacy layer runs (without it, asking ImageJ 1 for the context would make a
	 * new one).
	 */
	private static SamService fromFiji() {
		try {
			Class.forName(LEGACY_SERVICE, false, SamServices.class.getClassLoader());
		}
		catch (ClassNotFoundException e) {
			return null;
		}
		Object context = IJ.runPlugIn(Context.class.getName(), "");
		return context instanceof Context ? ((Context) context).getService(SamService.class) : null;
	}
}
