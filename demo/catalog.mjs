// The demo shop's content: products, help articles, reviews and delivery options.

export const PRODUCTS = [
  {
    id: 'fjord-mug',
    photo: 'A deep blue stoneware mug with steam rising from it',
    name: 'Fjord stoneware mug',
    price: 24,
    blurb: 'Hand-thrown, glazed in deep sea blue.',
    about: [
      'Thrown by hand in our Bergen studio from a dense, high-fired stoneware that keeps coffee hot and sits heavy in the palm.',
      'The glaze pools darker where the clay curves, so no two mugs are quite alike.',
    ],
    details: ['Holds 350 ml', 'Dishwasher and microwave safe', 'Lead-free glaze', '9 cm tall, 8.5 cm wide'],
  },
  {
    id: 'linen-throw',
    photo: 'Three folded linen throws in sand tones, with a knotted fringe',
    name: 'Washed linen throw',
    price: 89,
    blurb: 'Stone-washed European flax, soft from day one.',
    about: [
      'Woven from European flax and stone-washed for a lived-in softness and a gentle crumple.',
      'Light enough for summer evenings on the terrace, warm enough for a winter sofa.',
    ],
    details: ['130 × 170 cm', '100 % linen, OEKO-TEX certified', 'Machine wash at 40 °C', 'Knotted fringe'],
  },
  {
    id: 'oak-lamp',
    photo: 'A table lamp with a turned oak stem and a cream linen shade',
    name: 'Oak table lamp',
    price: 139,
    blurb: 'Solid oak stem, linen shade, warm dimmable light.',
    about: [
      'A turned stem of solid, oiled oak under a pleated linen shade. The light is warm and dims with a touch on the stem.',
      'Made in small batches from offcuts of a Danish furniture workshop.',
    ],
    details: ['46 cm tall', 'E27 bulb, LED 2700 K included', '2 m braided cable', 'Touch dimmer, 3 levels'],
  },
  {
    id: 'ripple-vase',
    photo: 'A sea-green rippled glass vase holding a few garden stems',
    name: 'Ripple glass vase',
    price: 42,
    blurb: 'Mouth-blown recycled glass with a soft ripple.',
    about: [
      'Mouth-blown from recycled glass. The ripple catches the light and softens the outline of whatever you put in it.',
      'Heavy base, wide neck: made for a loose armful of garden stems.',
    ],
    details: ['24 cm tall', 'Recycled glass, slight bubbles are normal', 'Hand wash only', 'Sea-green tint'],
  },
];

export const REVIEWS = [
  ['Even nicer than in the photos. It has become the first thing I reach for in the morning.', 'Ingrid, Oslo', 5],
  ['Beautifully made and well packed. Delivery took a day longer than promised.', 'Tomás, Lyon', 4],
  ['Bought a second one as a gift.', 'Aiko, Hamburg', 5],
];

export const SHIPPING = { standard: { label: 'Standard, 3–5 working days', price: 0 }, express: { label: 'Express, next working day', price: 9.9 } };

export const ARTICLES = [
  {
    id: 'shipping-returns',
    title: 'Shipping and returns',
    intro: 'Delivery times, costs, and how to send something back.',
    sections: [
      ['How long does delivery take?', 'Standard delivery takes 3 to 5 working days within Europe and is free. Express delivery arrives the next working day when you order before 14:00, for €9.90.', 'You receive a tracking link by e-mail as soon as your parcel leaves our studio in Bergen.'],
      ['Where do you ship?', 'We ship to every country of the European Union, Norway, Switzerland and the United Kingdom. Duties for Switzerland and the United Kingdom are included in the price.'],
      ['How do I return something?', 'You have 30 days from delivery to change your mind. Write to us with your order number and we will send you a prepaid return label.', 'Refunds reach your account within 5 working days of the parcel arriving back with us.'],
      ['My item arrived damaged', 'We are sorry! Take a photo of the item and its packaging and write to us within 7 days: we will send a replacement at once, no need to return the broken piece.'],
    ],
  },
  {
    id: 'care-guide',
    title: 'Caring for stoneware, linen and oak',
    intro: 'Keep your pieces beautiful for years.',
    sections: [
      ['Stoneware', 'Our mugs and bowls are dishwasher and microwave safe. Avoid sudden changes of temperature, such as pouring boiling water into a mug straight from the freezer.', 'Tea stains come off with a paste of baking soda and a little water.'],
      ['Linen', 'Wash at 40 °C with a mild detergent and no fabric softener, which coats the fibres. Tumble dry on low or line dry; linen looks best a little crumpled, so there is no need to iron.'],
      ['Oak', 'Dust with a dry cloth. Once or twice a year, rub in a thin coat of furniture oil to keep the wood from drying out.'],
      ['Glass', 'Wash by hand in warm soapy water. A spoonful of rice and some vinegar, swirled inside, cleans the bottom of a narrow vase.'],
    ],
  },
];
