package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A compact CircleNet (Nguyen et al. 2021): a residual encoder down to stride 32, a feature-pyramid decoder back
 * to stride 4 (bilinear up-sampling plus lateral 1 x 1 convolutions), and three heads at stride 4: centre-heatmap
 * logits, sub-cell offset (dx, dy) and radius in output cells.
 *
 * @param widths channels at strides 4, 8, 16, 32 (the stem works at stride 2 with half the first width)
 * @param headWidth channels of each head's hidden 3 x 3 convolution
 */
public record CircleNetModel(int[] widths, int headWidth) {
    /** Output stride of the heads. */
    public static final int STRIDE = 4;
    /** Input edges must be multiples of this. */
    public static final int DIVISOR = 32;

    public CircleNetModel {
        if (widths.length != 4) {
            throw new IllegalArgumentException("CircleNet encoder needs 4 widths (strides 4, 8, 16, 32)");
        }
        widths = widths.clone();
    }

    /** The heads: "heatmap_logits" [N,H/4,W/4,1], "offset" [..,2], "radius" [..,1]. */
    public Map<String, Operand<TFloat32>> heads(Layers l, Operand<TFloat32> image) {
        Operand<TFloat32> x = l.convBnRelu("stem", image, 3, Math.max(8, widths[0] / 2), 2);
        List<Operand<TFloat32>> levels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            x = l.residual("enc" + i + "/block1", x, widths[i], 2, true);
            if (i > 0) {
                x = l.residual("enc" + i + "/block2", x, widths[i], 1, true);
            }
            levels.add(x);
        }
        int top = widths[0];
        Operand<TFloat32> y = l.convBnRelu("lat3", levels.get(3), 1, top * 2, 1);
        for (int i = 2; i >= 0; i--) {
            Operand<TFloat32> lateral = l.convBnRelu("lat" + i, levels.get(i), 1, top * 2, 1);
            y = l.tf().math.add(l.upsampleTo(y, lateral), lateral);
            y = l.convBnRelu("fuse" + i, y, 3, top * 2, 1);
        }
        Operand<TFloat32> h = l.relu(l.conv("heatmap/hidden", y, 3, headWidth, 1, true));
        Operand<TFloat32> o = l.relu(l.conv("offset/hidden", y, 3, headWidth, 1, true));
        Operand<TFloat32> r = l.relu(l.conv("radius/hidden", y, 3, headWidth, 1, true));
        // heatmap bias -2.19: initial p = 0.1 (CenterNet), so the focal loss starts small
        return Map.of("heatmap_logits", l.head("heatmap/out", h, 1, -2.19f),
                "offset", l.head("offset/out", o, 2, 0.5f),
                "radius", l.head("radius/out", r, 1, 8f));
    }
}
