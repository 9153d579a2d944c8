"""photomotifs:addclip — convert a downloaded CLIP model into a CLIP folder (adapter over models/clip.py)."""
from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from .base import PhotoMotifsAlgorithm
from .params import mark_advanced, set_help
from .qgis_compat import FILE_FILE


class AddClipAlgorithm(PhotoMotifsAlgorithm):
    SOURCE = "SOURCE"
    ARCH = "ARCH"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    INT8 = "INT8"
    MODEL_NAME = "MODEL_NAME"
    IMAGE_MODEL = "IMAGE_MODEL"
    EMBED_DIM = "EMBED_DIM"
    IMAGES_PER_SECOND = "IMAGES_PER_SECOND"
    CAPABILITY = "addclip"
    GROUP = "embeddings"
    NAME = "addclip"

    def displayName(self):
        return self.tr("Add a CLIP model")

    def tags(self):
        return self.tr("clip,openclip,openai,laion,hugging face,image model,text,words,convert,onnx").split(",")

    def intro(self):
        return self.tr(
            "Makes a CLIP model you downloaded once usable here: CLIP understands photos and words together, "
            "so motifs can be named in words without training ('Motifs from words') and photos found by a "
            "sentence ('Find photos by words or by a photo'); as an image model it recognises far more kinds "
            "of scenes than the built-in ones. The model is converted on this computer; your photos never "
            "leave it.")

    def details(self):
        return self.tr(
            "Details: choose a Hugging Face CLIP folder as OpenAI and LAION publish them (for example "
            "openai/clip-vit-base-patch32 or laion/CLIP-ViT-B-32-laion2B-s34B-b79K: config.json, "
            "model.safetensors, vocab.json, merges.txt) — pick its config.json —, an OpenCLIP weights file "
            "(open_clip_pytorch_model.bin) with its architecture name, or OpenAI's ViT-B-32.pt. Nothing is "
            "downloaded. The model folder holds the image and text parts as ONNX, the tokenizer, an int8 "
            "image part (about twice as fast) and a model card with the speed measured here. A ViT-B/32 "
            "model takes about 600 MB and a few minutes to convert; torch and transformers are needed for "
            "the conversion only.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.SOURCE, self.tr("Downloaded CLIP model: config.json of a Hugging Face folder, or a weights file "
                                 "(.safetensors, .bin, .pt)"), behavior=FILE_FILE,
            fileFilter=self.tr("CLIP models (config.json *.safetensors *.bin *.pt *.pth);;All files (*)")))
        self.addParameter(QgsProcessingParameterString(
            self.ARCH, self.tr("Architecture of an OpenCLIP file (e.g. ViT-B-32, ViT-B-32-quickgelu)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Model folder (empty: the plugin's model folder, where the dialogs "
                                        "find it)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INT8, self.tr("Also write the int8 image part (faster, nearly the same embeddings)"), True))
        self.addParameter(QgsProcessingParameterString(
            self.MODEL_NAME, self.tr("Name of the model (default: the folder or file name)"), optional=True))
        self.addOutput(QgsProcessingOutputFile(self.IMAGE_MODEL, self.tr("Image part (image.onnx)")))
        self.addOutput(QgsProcessingOutputNumber(self.EMBED_DIM, self.tr("Values per embedding")))
        self.addOutput(QgsProcessingOutputNumber(self.IMAGES_PER_SECOND,
                                                 self.tr("Images per second measured here (batches of 16)")))
        set_help(self, {
            self.ARCH: self.tr("Needed for OpenCLIP weights without an open_clip_config.json beside them: "
                               "open_clip's model name. OpenAI's and LAION-400M's weights need the '-quickgelu' "
                               "name (ViT-B-32-quickgelu): the wrong one loads silently and changes every "
                               "result. Ignored for Hugging Face folders, whose config.json says it."),
            self.OUTPUT_FOLDER: self.tr("A new or empty folder; an existing model is never overwritten."),
        })
        mark_advanced(self, self.INT8, self.MODEL_NAME)

    def process(self, parameters, context, feedback, cf):
        from pathlib import Path

        from ..models.clip import convert_clip

        source = self.parameterAsFile(parameters, self.SOURCE, context)
        if Path(source).name == "config.json":
            source = str(Path(source).parent)
        output = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context) or None
        done = convert_clip(
            source, output, arch=self.parameterAsString(parameters, self.ARCH, context).strip() or None,
            int8=self.parameterAsBoolean(parameters, self.INT8, context),
            name=self.parameterAsString(parameters, self.MODEL_NAME, context).strip() or None, feedback=cf)
        info, speed = done.info, done.info["speed"]
        feedback.pushInfo(self.tr("Converted {} in {} s into {}").format(info["name"], f"{done.seconds:.0f}",
                                                                         done.folder))
        feedback.pushInfo(self.tr("Architecture: {}; activation {}; {} values per embedding; licence: {}").format(
            info["architecture"], info["activation"], info["embed_dim"], info["licence"]))
        feedback.pushInfo(self.tr("ONNX equals the original within {} (image) and {} (text).").format(
            f"{info['parity']['image']:.1g}", f"{info['parity']['text']:.1g}"))
        feedback.pushInfo(self.tr("Speed here, batches of 16: {} images/s, int8 {} images/s, {} texts/s.").format(
            speed["image_per_s"], speed.get("image_int8_per_s", "-"), speed["text_per_s"]))
        return {
            self.OUTPUT_FOLDER: str(done.folder),
            self.IMAGE_MODEL: str(done.folder / info["files"]["image"]),
            self.EMBED_DIM: int(info["embed_dim"]),
            self.IMAGES_PER_SECOND: float(speed["image_per_s"]),
        }
