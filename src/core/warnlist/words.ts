// 256 short, common, distinct English words: one per byte of a key's fingerprint, so two people
// can read a publisher's fingerprint to each other and compare (words are easier than hex).
export const FINGERPRINT_WORDS: readonly string[] = `
acid acorn actor adult aisle alarm album alley amber angle apple apron arena arrow atlas attic
award bacon badge bagel baker banjo barn basin beach beard bench berry bingo bison blade blaze
bloom board bonus boots brave bread brick bride brook brush bucket buddy bugle cabin cable cactus
camel candy canoe canvas cargo carpet castle cedar chalk chart cheese cherry chess chief cider
cliff clock cloud clover coach cobra cocoa comet coral cotton couch crane crayon creek crown
cube cycle daisy dance delta denim desert diary dingo disco dolphin donkey dough dragon drum
eagle easel echo elbow elder ember engine eskimo fable falcon fancy feast fence ferry fiber
field flame flute focus forest fossil fox frost fudge gadget galaxy garden garlic gecko ghost
ginger glove goat golf goose grape gravel guitar hammer harbor harp hazel helmet heron hiker
honey hook horse hotel iceberg igloo index ink island ivory jacket jaguar jelly jewel jigsaw
judge juice kayak kettle kiosk kitten koala ladder lagoon lamp laser lemon lever lilac lily
linen lion llama lobster locket lotus lunar magnet mango maple marble meadow melon mint mirror
moose motor mural nectar needle noodle nutmeg oasis ocean olive onion orbit otter oven owl
paddle panda paper parrot peach pearl pepper piano pickle pilot pine pirate pizza planet plum
polka pony poppy puzzle quail quartz quilt rabbit radar radio raft raven ribbon river robin
rocket rose ruby saddle salad salmon satin scarf shell silver sketch sleigh socket sofa spider
squid stamp statue stove sugar sunset swan tiger toast tomato tulip turtle violin
`
  .trim()
  .split(/\s+/);
