// Copyright (c) 2026 Tiepoint contributors.
//
// This program and the accompanying materials are made available under the
// terms of the Eclipse Public License 2.0 which is available at
// https://www.eclipse.org/legal/epl-2.0/
//
// SPDX-License-Identifier: EPL-2.0
//
// Tiepoint sample survey: a small farmstead on rolling ground, rendered by samples/generate.sh.
// POV-Ray 3.7, no include files, no randomness other than the fixed seed below.
// Frame: x = East, y = Up, z = North, 1 unit = 1 metre; the take-off point is (0, 0, 0).
// POV-Ray is left-handed, so with x east and z north the y axis points up without mirroring.
//
// The camera comes from the command line (generate.sh):
//   Declare=CE, CN, CU   camera centre east, north, up (m)
//   Declare=GP           gimbal pitch, DJI convention (-90 = straight down)
//   Declare=YW           heading, degrees clockwise from north (image top points there at nadir)
//   Declare=RL           roll, degrees
//   Declare=FOV          horizontal field of view, degrees

#version 3.7;
#ifndef (CE)  #declare CE = 0;     #end
#ifndef (CN)  #declare CN = 0;     #end
#ifndef (CU)  #declare CU = 50;    #end
#ifndef (GP)  #declare GP = -90;   #end
#ifndef (YW)  #declare YW = 0;     #end
#ifndef (RL)  #declare RL = 0;     #end
#ifndef (FOV) #declare FOV = 73.74; #end

global_settings { assumed_gamma 1.0 max_trace_level 4 ambient_light rgb 1 }

camera {
  perspective
  location 0 direction z right x*image_width/image_height up y angle FOV
  rotate -RL*z rotate -GP*x rotate YW*y
  translate <CE, CU, CN>
}

light_source { <2500, 5000, -1500> rgb <1.3, 1.25, 1.15> }
light_source { <-1500, 4000, 2500> rgb <0.2, 0.22, 0.26> shadowless }
background { rgb <0.6, 0.72, 0.9> }

// ------------------------------------------------------------------ ground --
#declare Relief = function { pattern { bozo scale 0.2 turbulence 0.2 } }
#declare GroundRaw = height_field {
  function 600, 600 { Relief(x, y, 0) }
  smooth translate <-0.5, 0, -0.5> scale <600, 10, 600>
}
#declare Nrm0 = <0, 0, 0>;
#declare Lift = trace(GroundRaw, <0, 100, 0>, -y, Nrm0).y;
#declare Ground = object { GroundRaw translate -Lift*y }

#macro At(E, N)
  #local Nr = <0, 0, 0>;
  trace(Ground, <E, 100, N>, -y, Nr).y
#end

#declare Meadow = pigment { granite scale 1.4
  color_map { [0 rgb <0.12,0.22,0.06>] [0.4 rgb <0.25,0.38,0.1>] [0.7 rgb <0.36,0.44,0.15>] [1 rgb <0.16,0.25,0.07>] } }
#declare Stubble = pigment { wood turbulence 0.1 scale 0.9 rotate 90*x
  color_map { [0 rgb <0.62,0.52,0.28>] [0.5 rgb <0.48,0.38,0.2>] [1 rgb <0.7,0.6,0.34>] } }
#declare Ploughed = pigment { gradient z triangle_wave scale 1.3 warp { turbulence 0.08 }
  pigment_map { [0 rgb <0.26,0.18,0.1>] [0.5 Stubble] [1 rgb <0.35,0.25,0.14>] } rotate 35*y }
#declare Pebbles = pigment { crackle turbulence 0.3 scale 0.7
  color_map { [0 rgb 0.08] [0.06 rgb <0.42,0.38,0.32>] [0.5 rgb <0.55,0.5,0.42>] [1 rgb <0.3,0.27,0.22>] } }
#declare Parcels = pigment { cells warp { turbulence 0.2 } scale 32
  pigment_map { [0 Meadow] [0.3 Ploughed] [0.5 Stubble] [0.7 Pebbles] [0.85 Meadow] [1 Ploughed] } }
#declare Tarmac = pigment { granite scale 0.4 color_map { [0 rgb 0.15] [0.5 rgb 0.28] [1 rgb 0.2] } }
#declare Lane = function(x, y, z) { min(abs(z + 8 - 15*sin(x/55)), abs(x - 20 - 0.3*z)) }
#declare Land = pigment { function { min(1, Lane(x, y, z)/6) }
  pigment_map { [0 Tarmac] [0.45 Tarmac] [0.5 Pebbles] [0.6 Parcels] [1 Parcels] } }

object { Ground
  texture { pigment { Land } normal { granite 0.3 scale 0.7 } finish { ambient 0.1 diffuse 0.78 } }
  texture { pigment { bozo turbulence 0.6 scale 2.5
      color_map { [0 rgbt <0.03,0.07,0,0.5>] [0.45 rgbt 1] [0.55 rgbt 1] [1 rgbt <0.95,0.9,0.7,0.6>] } }
    finish { ambient 0.1 diffuse 0.78 } }
  texture { pigment { granite scale 0.35
      color_map { [0 rgbt <0,0,0,0.55>] [0.45 rgbt 1] [0.55 rgbt 1] [1 rgbt <1,1,0.9,0.7>] } }
    finish { ambient 0.1 diffuse 0.78 } }
}

// ------------------------------------------------------------------ buildings and trees --
#declare S = seed(7331);
#declare Brick = texture { pigment { brick rgb <0.78,0.74,0.68> rgb <0.58,0.3,0.2> brick_size <1, 0.4, 0.5> mortar 0.05 }
  finish { ambient 0.14 diffuse 0.72 } }
#declare Tiles = texture { pigment { brick rgb <0.28,0.1,0.07> rgb <0.64,0.28,0.16> brick_size <0.45, 0.3, 0.3> mortar 0.03 }
  normal { bumps 0.25 scale 0.2 } finish { ambient 0.14 diffuse 0.72 } }
#declare Flat = texture { pigment { checker pigment { Pebbles } pigment { rgb <0.45,0.5,0.6> } scale 1.2 }
  finish { ambient 0.14 diffuse 0.72 } }
#declare K = 0;
#while (K < 22)
  #declare BE = -90 + 180*rand(S);
  #declare BN = -80 + 160*rand(S);
  #declare BW = 6 + 12*rand(S);
  #declare BD = 5 + 8*rand(S);
  #declare BH = 3 + 8*rand(S);
  #declare BA = 180*rand(S);
  #if (Lane(BE, 0, BN) > 12)
    union {
      box { <-BW/2, -2, -BD/2>, <BW/2, BH, BD/2> texture { Brick } }
      #if (rand(S) < 0.5)
        prism { linear_sweep linear_spline -BW/2-0.3, BW/2+0.3, 4, <-BD/2-0.3, 0>, <BD/2+0.3, 0>, <0, 2+BD/4>, <-BD/2-0.3, 0>
                rotate -90*x rotate 90*y translate BH*y texture { Tiles } }
      #else
        box { <-BW/2, BH, -BD/2>, <BW/2, BH+0.2, BD/2> texture { Flat } }
      #end
      rotate BA*y translate <BE, At(BE, BN), BN>
    }
  #end
  #declare K = K + 1;
#end

#declare Foliage = texture { pigment { granite scale 0.6
    color_map { [0 rgb <0.05,0.15,0.04>] [0.5 rgb <0.16,0.33,0.08>] [1 rgb <0.08,0.2,0.05>] } }
  normal { bumps 0.8 scale 0.3 } finish { ambient 0.12 diffuse 0.75 } }
#declare K = 0;
#while (K < 160)
  #declare TE = -120 + 240*rand(S);
  #declare TN = -110 + 220*rand(S);
  #declare TR = 1.2 + 2.2*rand(S);
  #if (Lane(TE, 0, TN) > 5)
    union {
      cylinder { -y, 1.5*TR*y, 0.2 pigment { rgb <0.3,0.2,0.1> } }
      sphere { 1.8*TR*y, TR texture { Foliage } }
      translate <TE, At(TE, TN), TN>
    }
  #end
  #declare K = K + 1;
#end
