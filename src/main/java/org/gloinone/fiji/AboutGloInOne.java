package org.gloinone.fiji;

import ij.IJ;
import ij.plugin.PlugIn;

import org.gloinone.pipeline.ProgramVersion;

/** Plugins &gt; Glo-In-One &gt; About: version, method and citation. */
public class AboutGloInOne implements PlugIn {

    @Override
    public void run(String arg) {
        IJ.showMessage("About Glo-In-One", "Glo-In-One for Fiji " + ProgramVersion.get() + "\n \n"
                + "Holistic glomerular detection, classification and segmentation\n"
                + "on kidney whole-slide images.\n \n"
                + "Method: Yao T, Lu Y, Long J, et al. Glo-In-One: holistic glomerular\n"
                + "detection, segmentation, and lesion characterization with large-scale\n"
                + "web image mining. J Med Imaging 9(5):052408, 2022.");
    }
}
