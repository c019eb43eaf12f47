package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A compact U-Net (Ronneberger et al. 2015) for glomerulus masks: four 2 x down-samplings, bilinear up-sampling
 * with skip concatenation, two 3 x 3 convolution + batch norm + ReLU per level, one logit channel.
 *
 * @param widths channels per level, finest first (e.g. 16, 32, 64, 96, 128)
 */
public record UNet(int... widths) {
    public UNet {
        if (widths.length < 2) {
            throw new IllegalArgumentException("U-Net needs at least 2 levels");
        }
        widths = widths.clone();
    }

    /** Input sizes must be multiples of this. */
    public int divisor() {
        return 1 << (widths.length - 1);
    }

    /** Mask logits [N,H,W,1] for images [N,H,W,3]. */
    public Operand<TFloat32> logits(Layers l, Operand<TFloat32> image) {
        List<Operand<TFloat32>> skips = new ArrayList<>();
        Operand<TFloat32> x = image;
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                x = l.maxPool(x);
            }
            x = l.convBnRelu("enc" + i + "/c1", x, 3, widths[i], 1);
            x = l.convBnRelu("enc" + i + "/c2", x, 3, widths[i], 1);
            skips.add(x);
        }
        for (int i = widths.length - 2; i >= 0; i--) {
            x = l.upsampleTo(x, skips.get(i));
            x = l.concat(x, skips.get(i));
            x = l.convBnRelu("dec" + i + "/c1", x, 3, widths[i], 1);
            x = l.convBnRelu("dec" + i + "/c2", x, 3, widths[i], 1);
        }
        return l.head("mask_head", x, 1, 0f);
    }
}
